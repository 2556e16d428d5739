package org.jgpuarray.opencl.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds recursion in OpenCL C source before it reaches the compiler. OpenCL C forbids recursion (OpenCL C
 * 1.2, section 6.9), and PoCL does not refuse it: it crashed the JVM (SIGSEGV, no error report) on a helper
 * that called itself ten deep. A caller cannot catch that, so a source whose functions call each other in
 * a cycle is refused with the cycle named. The scan reads function definitions at file scope and the calls
 * in their bodies, after removing comments, literals and preprocessor lines; recursion hidden behind macros
 * is not seen.
 */
final class RecursionGuard {
    private static final Pattern IDENTIFIER_CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z_0-9]*)\\s*\\(");
    private static final Set<String> NOT_FUNCTIONS = Set.of("if", "for", "while", "switch", "return", "sizeof",
            "do", "else", "case", "__attribute__", "defined");

    private RecursionGuard() {
    }

    /**
     * The first cycle of calls in {@code source}, e.g. {@code "depth -> depth"}, or empty.
     *
     * @param source OpenCL C; not modified
     */
    static Optional<String> cycle(String source) {
        Map<String, Set<String>> calls = callGraph(code(source));
        Set<String> finished = new HashSet<>();
        for (String f : calls.keySet()) {
            Optional<String> found = visit(f, calls, new ArrayList<>(), finished);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Depth-first search from {@code f}: a call back to a function on {@code path} closes a cycle. */
    private static Optional<String> visit(String f, Map<String, Set<String>> calls, List<String> path,
                                          Set<String> finished) {
        int onPath = path.indexOf(f);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(f);
            return Optional.of(String.join(" -> ", cycle));
        }
        if (finished.contains(f)) {
            return Optional.empty();
        }
        path.add(f);
        for (String callee : calls.getOrDefault(f, Set.of())) {
            Optional<String> found = visit(callee, calls, path, finished);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        finished.add(f);
        return Optional.empty();
    }

    /** Function name to the defined functions its body calls. */
    private static Map<String, Set<String>> callGraph(String code) {
        Map<String, String> bodies = new LinkedHashMap<>();
        int depth = 0;
        int k = 0;
        while (k < code.length()) {
            char ch = code.charAt(k);
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && ch == '(') {
                String name = identifierBefore(code, k);
                int close = matching(code, k, '(', ')');
                int open = skipSpace(code, close + 1);
                if (name != null && !NOT_FUNCTIONS.contains(name) && open < code.length() && code.charAt(open) == '{') {
                    int end = matching(code, open, '{', '}');
                    bodies.put(name, code.substring(open, Math.min(end + 1, code.length())));
                    k = end + 1;
                    continue;
                }
                k = close + 1;
                continue;
            }
            k++;
        }
        Map<String, Set<String>> graph = new HashMap<>();
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            Set<String> callees = new HashSet<>();
            Matcher m = IDENTIFIER_CALL.matcher(e.getValue());
            while (m.find()) {
                if (bodies.containsKey(m.group(1))) {
                    callees.add(m.group(1));
                }
            }
            graph.put(e.getKey(), callees);
        }
        return graph;
    }

    /** The source with comments, string and character literals and preprocessor lines blanked out. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        boolean lineStart = true;
        int k = 0;
        while (k < source.length()) {
            char ch = source.charAt(k);
            if (source.startsWith("//", k) || (lineStart && ch == '#')) {
                while (k < source.length() && source.charAt(k) != '\n') {
                    k += source.charAt(k) == '\\' && k + 1 < source.length() ? 2 : 1;
                }
                continue;
            }
            if (source.startsWith("/*", k)) {
                int end = source.indexOf("*/", k + 2);
                k = end < 0 ? source.length() : end + 2;
                out.append(' ');
                continue;
            }
            if (ch == '"' || ch == '\'') {
                k++;
                while (k < source.length() && source.charAt(k) != ch && source.charAt(k) != '\n') {
                    k += source.charAt(k) == '\\' ? 2 : 1;
                }
                k++;
                out.append("0");
                continue;
            }
            out.append(ch);
            lineStart = ch == '\n' || (lineStart && Character.isWhitespace(ch));
            k++;
        }
        return out.toString();
    }

    private static String identifierBefore(String code, int paren) {
        int end = paren;
        while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(code.charAt(start - 1)) || code.charAt(start - 1) == '_')) {
            start--;
        }
        return start < end && !Character.isDigit(code.charAt(start)) ? code.substring(start, end) : null;
    }

    /** The index of the bracket closing the one at {@code open}, or the end of the code. */
    private static int matching(String code, int open, char opening, char closing) {
        int depth = 0;
        for (int k = open; k < code.length(); k++) {
            char ch = code.charAt(k);
            if (ch == opening) {
                depth++;
            } else if (ch == closing && --depth == 0) {
                return k;
            }
        }
        return code.length();
    }

    private static int skipSpace(String code, int k) {
        while (k < code.length() && Character.isWhitespace(code.charAt(k))) {
            k++;
        }
        return k;
    }
}
