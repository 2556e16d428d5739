package org.jgpuarray.kernels.java;

/** Java operator precedences, higher binds tighter (C's are the same for the operators emitted). */
final class Precedence {
    static final int ASSIGNMENT = 1;
    static final int CONDITIONAL = 2;
    static final int OR = 3;
    static final int AND = 4;
    static final int BIT_OR = 5;
    static final int BIT_XOR = 6;
    static final int BIT_AND = 7;
    static final int EQUALITY = 8;
    static final int RELATIONAL = 9;
    static final int SHIFT = 10;
    static final int ADDITIVE = 11;
    static final int MULTIPLICATIVE = 12;
    static final int UNARY = 13;
    static final int POSTFIX = 14;
    static final int PRIMARY = 15;

    private Precedence() {
    }

    /** The precedence of a binary operator. */
    static int of(String op) {
        return switch (op) {
            case "||" -> OR;
            case "&&" -> AND;
            case "|" -> BIT_OR;
            case "^" -> BIT_XOR;
            case "&" -> BIT_AND;
            case "==", "!=" -> EQUALITY;
            case "<", "<=", ">", ">=" -> RELATIONAL;
            case "<<", ">>" -> SHIFT;
            case "+", "-" -> ADDITIVE;
            case "*", "/", "%" -> MULTIPLICATIVE;
            default -> throw new IllegalArgumentException(op);
        };
    }
}
