package org.jgpuarray.kernels.java;

/**
 * One lexical token of a snippet.
 *
 * @param kind      what sort of token
 * @param text      the characters as written (for punctuators the operator, e.g. {@code "<<="})
 * @param source    the snippet part it comes from
 * @param line      1-based line in {@code source}
 * @param column    1-based column in {@code source}
 * @param lineStart true when the token is the first on its (non-continued) line, which starts a directive
 * @param macro     the macro whose expansion produced this token, or {@code null}
 */
record Token(Kind kind, String text, SourceText source, int line, int column, boolean lineStart, String macro) {
    /** Token kinds. */
    enum Kind {
        IDENTIFIER, INT_LITERAL, FLOAT_LITERAL, PUNCTUATOR, END
    }

    /** True for a punctuator or identifier spelled {@code s}. */
    boolean is(String s) {
        return kind != Kind.END && text.equals(s);
    }

    boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    /** This token as produced by expanding {@code macroName} at {@code use}: it takes the use's position. */
    Token expandedAt(Token use, String macroName) {
        return new Token(kind, text, use.source, use.line, use.column, false,
                use.macro != null ? use.macro : macroName);
    }
}
