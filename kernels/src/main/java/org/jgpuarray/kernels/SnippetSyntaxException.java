package org.jgpuarray.kernels;

import java.util.Objects;

/**
 * A kernel snippet that cannot be translated: a syntax error, or a construct outside the documented C
 * subset (for example {@code goto}, pointer dereference, {@code unsigned}, an unknown function or a GPU-only
 * builtin on the CPU backend). The message names the problem, the construct, and where it is:
 *
 * <pre>unsupported construct 'goto' at line 1, column 5 of operation: x = 1; goto end;</pre>
 *
 * <p>Lines and columns are 1-based and count characters of the snippet part named by {@link #part()}; a
 * tab counts as one column. For text produced by a macro expansion they point at the macro's use.
 * Immutable, so safe to share between threads.
 */
public class SnippetSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String construct;
    private final String part;
    private final String snippet;
    private final int line;
    private final int column;

    /**
     * Creates the exception; the message is composed from the arguments.
     *
     * @param problem   what is wrong, e.g. {@code "unsupported construct 'goto'"} or {@code "expected ')'"}
     * @param construct the offending construct or token as written, e.g. {@code "goto"}; may be empty at the end
     *                  of the text
     * @param part      which snippet of the spec, e.g. {@code "operation"}, {@code "preamble"},
     *                  {@code "map_expr"}
     * @param snippet   the full text of that part
     * @param line      1-based line within {@code snippet}
     * @param column    1-based column within that line
     */
    public SnippetSyntaxException(String problem, String construct, String part, String snippet, int line,
                                  int column) {
        super(compose(problem, part, snippet, line, column));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.construct = Objects.requireNonNull(construct, "construct");
        this.part = Objects.requireNonNull(part, "part");
        this.snippet = Objects.requireNonNull(snippet, "snippet");
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the position, e.g. {@code "unknown function 'foo'"}. */
    public String problem() {
        return problem;
    }

    /** The offending construct or token as written, e.g. {@code "goto"}, {@code "&"}, {@code "foo"}. */
    public String construct() {
        return construct;
    }

    /** The snippet part the error is in: {@code operation}, {@code preamble}, {@code loop_prep}, ... */
    public String part() {
        return part;
    }

    /** The full text of the snippet part. */
    public String snippet() {
        return snippet;
    }

    /** 1-based line of the construct within {@link #snippet()}. */
    public int line() {
        return line;
    }

    /** 1-based column of the construct within its line. */
    public int column() {
        return column;
    }

    private static String compose(String problem, String part, String snippet, int line, int column) {
        String[] lines = snippet.split("\r\n|\r|\n", -1);
        String text = line >= 1 && line <= lines.length ? lines[line - 1].strip() : snippet.strip();
        return problem + " at line " + line + ", column " + column + " of " + part + ": " + text;
    }
}
