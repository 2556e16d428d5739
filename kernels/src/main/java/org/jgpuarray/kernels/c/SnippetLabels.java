package org.jgpuarray.kernels.c;

import java.util.regex.Pattern;

/**
 * Whether a snippet defines a statement label (the target of a {@code goto}). A label belongs to the whole
 * function in C, so a kernel may hold such a snippet only once: the generated kernels that run the operation
 * in two branches (with and without the element loop) fall back to the loop alone for it.
 */
final class SnippetLabels {
    /** An identifier and a single colon at the start of a statement; {@code default:} is a switch's. */
    private static final Pattern LABEL = Pattern.compile("(?:^|[;{}])\\s*(?!default\\b)[A-Za-z_]\\w*\\s*:(?!:)");

    private SnippetLabels() {
    }

    /** True when {@code code} may define a label: a false alarm costs only the loop-free branch. */
    static boolean defines(String code) {
        return LABEL.matcher(code).find();
    }
}
