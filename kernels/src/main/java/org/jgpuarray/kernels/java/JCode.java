package org.jgpuarray.kernels.java;

/**
 * An emitted Java expression.
 *
 * @param text       the Java source
 * @param kind       its Java type
 * @param precedence the precedence of its outermost operator (see {@link Precedence})
 */
record JCode(String text, JavaKind kind, int precedence) {
    /** The text, parenthesized unless its precedence is at least {@code minimum}. */
    String at(int minimum) {
        return precedence >= minimum ? text : "(" + text + ")";
    }
}
