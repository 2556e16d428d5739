package org.jgpuarray.kernels;

import java.util.Objects;

/**
 * One parameter of a kernel: {@code float *x} is an array argument named {@code x} of FLOAT32,
 * {@code float a} a scalar argument.
 *
 * @param name  a C identifier
 * @param type  the element type (array) or value type (scalar); never complex
 * @param array true for a pointer parameter
 */
public record Argument(String name, ScalarType type, boolean array) {
    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!Identifiers.isIdentifier(name)) {
            throw new IllegalArgumentException("argument name '" + name + "' is not a C identifier");
        }
        if (!type.isSnippetType()) {
            throw new IllegalArgumentException("argument '" + name + "' has type " + type
                    + ", which kernels snippets cannot use");
        }
    }

    /** The parameter as it reads in an argument list, e.g. {@code "float *x"}. */
    public String declaration() {
        return type.snippetName() + (array ? " *" : " ") + name;
    }
}
