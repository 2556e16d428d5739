package org.jgpuarray.fuzz;

/**
 * A generated C expression: its text, the C precedence of its top operator, its type, its facts, and
 * whether it is free of side effects.
 */
record Term(String text, int prec, FuzzType type, Facts facts, boolean pure) {
    static final int ASSIGN = 2;
    static final int COND = 3;
    static final int LOR = 4;
    static final int LAND = 5;
    static final int BOR = 6;
    static final int XOR = 7;
    static final int BAND = 8;
    static final int EQ = 9;
    static final int REL = 10;
    static final int SHIFT = 11;
    static final int ADD = 12;
    static final int MUL = 13;
    static final int UNARY = 14;
    static final int POSTFIX = 15;
    static final int PRIMARY = 16;

    Term {
        if (facts.type() != type) {
            throw new IllegalArgumentException(text + ": " + type + " with " + facts);
        }
    }

    /** The text, parenthesized unless its operator binds at least as tightly as {@code min}. */
    String at(int min) {
        return prec >= min ? text : "(" + text + ")";
    }

    /** The text in parentheses unless it is primary: for macro arguments and the like. */
    String paren() {
        return at(PRIMARY);
    }

    Term withFacts(Facts f) {
        return new Term(text, prec, f.type(), f, pure);
    }

    /** Binary operator precedence. */
    static int of(String op) {
        return switch (op) {
            case "*", "/", "%" -> MUL;
            case "+", "-" -> ADD;
            case "<<", ">>" -> SHIFT;
            case "<", "<=", ">", ">=" -> REL;
            case "==", "!=" -> EQ;
            case "&" -> BAND;
            case "^" -> XOR;
            case "|" -> BOR;
            case "&&" -> LAND;
            case "||" -> LOR;
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** {@code l op r} with C's left associativity. */
    static Term binary(Term l, String op, Term r, FuzzType type, Facts facts) {
        int p = of(op);
        return new Term(l.at(p) + " " + op + " " + r.at(p + 1), p, type, facts, l.pure && r.pure);
    }
}
