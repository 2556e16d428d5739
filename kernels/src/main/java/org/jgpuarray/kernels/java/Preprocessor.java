package org.jgpuarray.kernels.java;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mini preprocessor: {@code #define} (object-like and function-like), {@code #undef} and an ignored
 * {@code #pragma}; any other directive is an error. Macros are expanded at token level with C's rule that
 * a macro is not expanded again inside its own expansion. Definitions persist from one part to the next,
 * so the preamble's macros apply to the snippets processed after it. Not thread-safe; one per translation.
 */
final class Preprocessor {
    /** Guards against runaway expansions such as a macro that doubles itself many times. */
    private static final int MAX_EXPANDED_TOKENS = 1_000_000;

    private final Map<String, Macro> macros = new HashMap<>();
    private int produced;

    /**
     * A macro definition.
     *
     * @param name       its name
     * @param parameters parameter names, or {@code null} for an object-like macro
     * @param body       the replacement tokens
     */
    private record Macro(String name, List<String> parameters, List<Token> body) {
    }

    /** A token on its way through expansion, with the macros it may no longer expand. */
    private record Item(Token token, Set<String> hidden) {
    }

    /** Runs directives and expands macros in one part's tokens (ending with END); the result ends with END. */
    List<Token> process(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        int k = 0;
        while (tokens.get(k).kind() != Token.Kind.END) {
            Token t = tokens.get(k);
            if (t.is("#") && t.lineStart()) {
                int end = k + 1;
                while (tokens.get(end).kind() != Token.Kind.END && !tokens.get(end).lineStart()) {
                    end++;
                }
                out.addAll(expand(run));
                run.clear();
                directive(t, tokens.subList(k + 1, end));
                k = end;
            } else {
                run.add(t);
                k++;
            }
        }
        out.addAll(expand(run));
        out.add(tokens.get(k));
        return out;
    }

    private void directive(Token hash, List<Token> line) {
        if (line.isEmpty()) {
            return;
        }
        Token name = line.get(0);
        switch (name.text()) {
            case "pragma" -> {
            }
            case "define" -> define(name, line.subList(1, line.size()));
            case "undef" -> {
                if (line.size() != 2 || !line.get(1).isIdentifier()) {
                    throw Diagnostics.syntax(name, "expected a macro name after #undef");
                }
                macros.remove(line.get(1).text());
            }
            default -> throw Diagnostics.unsupported(hash, "#" + name.text(),
                    "only #define, #undef and #pragma are supported");
        }
    }

    private void define(Token directive, List<Token> rest) {
        if (rest.isEmpty() || !rest.get(0).isIdentifier()) {
            throw Diagnostics.syntax(rest.isEmpty() ? directive : rest.get(0), "expected a macro name after #define");
        }
        Token name = rest.get(0);
        List<String> parameters = null;
        int bodyStart = 1;
        if (rest.size() > 1 && rest.get(1).is("(") && adjacent(name, rest.get(1))) {
            parameters = new ArrayList<>();
            bodyStart = parameters(rest, parameters);
        }
        List<Token> body = List.copyOf(rest.subList(bodyStart, rest.size()));
        for (Token t : body) {
            if (t.is("#")) {
                throw Diagnostics.unsupported(t, "# (stringizing)");
            }
            if (t.is("##")) {
                throw Diagnostics.unsupported(t, "## (token pasting)");
            }
        }
        macros.put(name.text(), new Macro(name.text(), parameters, body));
    }

    /** Reads {@code (a, b)} from {@code rest[1]}; returns the index after the {@code )}. */
    private static int parameters(List<Token> rest, List<String> into) {
        int k = 2;
        if (k < rest.size() && rest.get(k).is(")")) {
            return k + 1;
        }
        while (true) {
            Token p = k < rest.size() ? rest.get(k) : rest.get(rest.size() - 1);
            if (p.is("...")) {
                throw Diagnostics.unsupported(p, "variadic macro");
            }
            if (k >= rest.size() || !p.isIdentifier()) {
                throw Diagnostics.syntax(p, "expected a macro parameter name");
            }
            into.add(p.text());
            Token next = k + 1 < rest.size() ? rest.get(k + 1) : p;
            if (next.is(")") && k + 1 < rest.size()) {
                return k + 2;
            }
            if (!next.is(",") || k + 1 >= rest.size()) {
                throw Diagnostics.syntax(next, "expected ',' or ')' in macro parameters");
            }
            k += 2;
        }
    }

    private static boolean adjacent(Token a, Token b) {
        return a.line() == b.line() && a.column() + a.text().length() == b.column();
    }

    private List<Token> expand(List<Token> tokens) {
        Deque<Item> work = new ArrayDeque<>();
        for (Token t : tokens) {
            work.add(new Item(t, Set.of()));
        }
        List<Token> out = new ArrayList<>();
        for (Item item : expandAll(work)) {
            out.add(item.token());
        }
        return out;
    }

    private List<Item> expandAll(Deque<Item> work) {
        List<Item> out = new ArrayList<>();
        while (!work.isEmpty()) {
            Item item = work.removeFirst();
            Token t = item.token();
            Macro m = t.isIdentifier() ? macros.get(t.text()) : null;
            if (m == null || item.hidden().contains(m.name())
                    || m.parameters() != null && (work.isEmpty() || !work.peekFirst().token().is("("))) {
                out.add(item);
                continue;
            }
            Set<String> hidden = new HashSet<>(item.hidden());
            hidden.add(m.name());
            List<Item> replacement = m.parameters() == null
                    ? substitute(m, t, hidden, List.of())
                    : substitute(m, t, hidden, arguments(m, t, work));
            produced += replacement.size();
            if (produced > MAX_EXPANDED_TOKENS) {
                throw Diagnostics.syntax(t, "macro expansion of '" + m.name() + "' is too large");
            }
            for (int k = replacement.size() - 1; k >= 0; k--) {
                work.addFirst(replacement.get(k));
            }
        }
        return out;
    }

    /** Takes {@code ( arg, arg )} off the work list; each argument is macro-expanded. */
    private List<List<Item>> arguments(Macro m, Token use, Deque<Item> work) {
        work.removeFirst();
        List<List<Item>> args = new ArrayList<>();
        Deque<Item> current = new ArrayDeque<>();
        int depth = 0;
        while (true) {
            if (work.isEmpty()) {
                throw Diagnostics.syntax(use, "unterminated call of macro '" + m.name() + "'");
            }
            Item item = work.removeFirst();
            Token t = item.token();
            if (depth == 0 && (t.is(",") || t.is(")"))) {
                args.add(expandAll(current));
                current = new ArrayDeque<>();
                if (t.is(")")) {
                    break;
                }
                continue;
            }
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            current.add(item);
        }
        if (m.parameters().isEmpty() && args.size() == 1 && args.get(0).isEmpty()) {
            args.clear();
        }
        if (args.size() != m.parameters().size()) {
            throw Diagnostics.syntax(use, "macro '" + m.name() + "' takes " + m.parameters().size()
                    + " argument(s), got " + args.size());
        }
        return args;
    }

    private static List<Item> substitute(Macro m, Token use, Set<String> hidden, List<List<Item>> args) {
        List<Item> out = new ArrayList<>();
        for (Token b : m.body()) {
            int p = m.parameters() == null || !b.isIdentifier() ? -1 : m.parameters().indexOf(b.text());
            if (p < 0) {
                out.add(new Item(b.expandedAt(use, m.name()), hidden));
                continue;
            }
            for (Item a : args.get(p)) {
                Set<String> h = new HashSet<>(a.hidden());
                h.addAll(hidden);
                out.add(new Item(a.token(), h));
            }
        }
        return out;
    }
}
