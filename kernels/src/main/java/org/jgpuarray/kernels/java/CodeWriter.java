package org.jgpuarray.kernels.java;

/** Accumulates indented lines of Java source. Not thread-safe. */
final class CodeWriter {
    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** Appends one line at the current indentation. */
    CodeWriter line(String text) {
        if (!text.isEmpty()) {
            out.append(INDENT.repeat(depth)).append(text);
        }
        out.append('\n');
        return this;
    }

    /** Appends {@code text} and indents the following lines. */
    CodeWriter open(String text) {
        line(text);
        depth++;
        return this;
    }

    /** Unindents and appends {@code text}. */
    CodeWriter close(String text) {
        depth--;
        return line(text);
    }

    /** Indents the following lines one more level. */
    void indent() {
        depth++;
    }

    /** Indents the following lines one level less. */
    void dedent() {
        depth--;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
