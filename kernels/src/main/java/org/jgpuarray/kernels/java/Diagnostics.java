package org.jgpuarray.kernels.java;

import org.jgpuarray.kernels.SnippetSyntaxException;

/** Builds the {@link SnippetSyntaxException}s of the translator, positioned at a token. */
final class Diagnostics {
    private Diagnostics() {
    }

    /** An error at {@code at} with the given problem and construct. */
    static SnippetSyntaxException error(Token at, String problem, String construct) {
        String where = at.macro() == null ? problem : problem + " (in the expansion of macro '" + at.macro() + "')";
        return new SnippetSyntaxException(where, construct, at.source().part(), at.source().text(), at.line(),
                at.column());
    }

    /** {@code unsupported construct 'construct'} at {@code at}. */
    static SnippetSyntaxException unsupported(Token at, String construct) {
        return error(at, "unsupported construct '" + construct + "'", construct);
    }

    /** {@code unsupported construct 'construct' (why)} at {@code at}. */
    static SnippetSyntaxException unsupported(Token at, String construct, String why) {
        return error(at, "unsupported construct '" + construct + "' (" + why + ")", construct);
    }

    /** A syntax or typing problem at {@code at}, naming the token there as the construct. */
    static SnippetSyntaxException syntax(Token at, String problem) {
        return error(at, problem, at.text());
    }

    /** The error for a CUDA or OpenCL builtin used on the CPU backend. */
    static SnippetSyntaxException gpuBuiltin(Token at) {
        return error(at, "unsupported construct '" + at.text()
                + "' (a GPU builtin, not available on the CPU backend)", at.text());
    }
}
