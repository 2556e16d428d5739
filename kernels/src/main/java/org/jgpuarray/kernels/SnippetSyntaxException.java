package org.jgpuarray.kernels;

/** PLACEHOLDER written by the lead so the reactor compiles; the translator helper replaces this whole file. */
public class SnippetSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SnippetSyntaxException(String message) {
        super(message);
    }
}
