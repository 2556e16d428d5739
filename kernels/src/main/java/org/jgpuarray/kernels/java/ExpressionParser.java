package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser of C expressions with C's precedence and associativity. Constructs outside the
 * subset (comma operator, dereference, address-of, member access, pointer casts, {@code sizeof} of an
 * expression) are errors naming the construct at its column.
 */
final class ExpressionParser {
    /** Binary operator precedences, higher binds tighter; all are left-associative. */
    private static final Map<String, Integer> BINARY = Map.ofEntries(
            Map.entry("||", 1), Map.entry("&&", 2), Map.entry("|", 3), Map.entry("^", 4), Map.entry("&", 5),
            Map.entry("==", 6), Map.entry("!=", 6), Map.entry("<", 7), Map.entry("<=", 7), Map.entry(">", 7),
            Map.entry(">=", 7), Map.entry("<<", 8), Map.entry(">>", 8), Map.entry("+", 9), Map.entry("-", 9),
            Map.entry("*", 10), Map.entry("/", 10), Map.entry("%", 10));

    private static final Set<String> ASSIGNMENTS = Set.of(
            "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=");

    private final TokenStream in;

    ExpressionParser(TokenStream in) {
        this.in = in;
    }

    /** A full expression; a top-level comma is the unsupported comma operator. */
    Expr expression() {
        Expr e = assignment();
        if (in.at(",")) {
            throw Diagnostics.unsupported(in.peek(), "comma operator");
        }
        return e;
    }

    /** An assignment expression: what may appear between commas of an argument or initializer list. */
    Expr assignment() {
        Expr left = conditional();
        if (in.peek().kind() == Token.Kind.PUNCTUATOR && ASSIGNMENTS.contains(in.peek().text())) {
            Token op = in.next();
            return new Expr.Assign(op, left, assignment());
        }
        return left;
    }

    /** A conditional expression (no assignment at the top): case labels and array sizes. */
    Expr conditional() {
        Expr condition = binary(1);
        if (!in.at("?")) {
            return condition;
        }
        Token q = in.next();
        Expr whenTrue = expression();
        in.expect(":");
        return new Expr.Conditional(q, condition, whenTrue, conditional());
    }

    private Expr binary(int minPrecedence) {
        Expr left = unary();
        while (true) {
            Token op = in.peek();
            Integer p = op.kind() == Token.Kind.PUNCTUATOR ? BINARY.get(op.text()) : null;
            if (p == null || p < minPrecedence) {
                return left;
            }
            in.next();
            left = new Expr.Binary(op, left, binary(p + 1));
        }
    }

    private Expr unary() {
        Token t = in.peek();
        if (t.kind() == Token.Kind.PUNCTUATOR) {
            switch (t.text()) {
                case "+", "-", "!", "~" -> {
                    in.next();
                    return new Expr.Unary(t, unary());
                }
                case "++", "--" -> {
                    in.next();
                    return new Expr.IncDec(t, unary(), true);
                }
                case "*" -> throw Diagnostics.unsupported(t, "pointer dereference");
                case "&" -> throw Diagnostics.unsupported(t, "address-of");
                case "(" -> {
                    if (Keywords.startsType(in.peek(1))) {
                        return cast();
                    }
                }
                default -> {
                }
            }
        } else if (t.is("sizeof")) {
            return sizeOf();
        }
        return postfix();
    }

    private Expr cast() {
        Token open = in.next();
        TypeSpec type = TypeParser.parse(in);
        if (in.at("*")) {
            throw Diagnostics.unsupported(in.peek(), "pointer cast");
        }
        in.expect(")");
        return new Expr.Cast(open, type, unary());
    }

    private Expr sizeOf() {
        Token keyword = in.next();
        if (!in.at("(") || !Keywords.startsType(in.peek(1))) {
            throw Diagnostics.unsupported(keyword, "sizeof of an expression", "write sizeof(type)");
        }
        in.next();
        TypeSpec type = TypeParser.parse(in);
        if (in.at("*")) {
            throw Diagnostics.unsupported(in.peek(), "pointer type");
        }
        in.expect(")");
        return new Expr.SizeOf(keyword, type);
    }

    private Expr postfix() {
        Expr e = primary();
        while (true) {
            Token t = in.peek();
            if (t.is("[")) {
                in.next();
                Expr index = expression();
                in.expect("]");
                e = new Expr.Index(t, e, index);
            } else if (t.is("(")) {
                if (!(e instanceof Expr.Name name)) {
                    throw Diagnostics.unsupported(t, "call of an expression", "only named functions can be called");
                }
                e = new Expr.Call(name.at(), arguments());
            } else if (t.is("++") || t.is("--")) {
                in.next();
                e = new Expr.IncDec(t, e, false);
            } else if (t.is(".") || t.is("->")) {
                if (e instanceof Expr.Name name && Keywords.GPU_BUILTINS.contains(name.at().text())) {
                    throw Diagnostics.gpuBuiltin(name.at());
                }
                throw Diagnostics.unsupported(t, "member access '" + t.text() + "'", "structs are not supported");
            } else {
                return e;
            }
        }
    }

    private List<Expr> arguments() {
        in.expect("(");
        List<Expr> args = new ArrayList<>();
        if (in.accept(")")) {
            return args;
        }
        do {
            args.add(assignment());
        } while (in.accept(","));
        in.expect(")");
        return args;
    }

    private Expr primary() {
        Token t = in.peek();
        switch (t.kind()) {
            case INT_LITERAL, FLOAT_LITERAL -> {
                in.next();
                return new Expr.Literal(t);
            }
            case IDENTIFIER -> {
                return identifier(t);
            }
            default -> {
                if (t.is("(")) {
                    in.next();
                    Expr inner = expression();
                    in.expect(")");
                    return inner;
                }
                if (t.is("::")) {
                    throw Diagnostics.unsupported(t, "scope resolution '::'");
                }
                throw in.expected("an expression");
            }
        }
    }

    private Expr identifier(Token t) {
        String w = t.text();
        if (w.equals("true") || w.equals("false")) {
            in.next();
            return new Expr.BoolLiteral(t, w.equals("true"));
        }
        if (Keywords.UNSUPPORTED_CONSTRUCTS.contains(w)) {
            throw Diagnostics.unsupported(t, w);
        }
        if (Keywords.startsType(t)) {
            TypeSpec type = TypeParser.parse(in);
            if (!in.at("(")) {
                throw in.expected("'(' after the type of a functional cast");
            }
            in.next();
            Expr operand = expression();
            in.expect(")");
            return new Expr.Cast(t, type, operand);
        }
        if (Keywords.STATEMENT_WORDS.contains(w) || Keywords.FUNCTION_QUALIFIERS.contains(w)) {
            throw in.expected("an expression");
        }
        in.next();
        if (in.at("::")) {
            throw Diagnostics.unsupported(in.peek(), "scope resolution '::'");
        }
        return new Expr.Name(t);
    }
}
