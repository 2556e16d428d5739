package org.jgpuarray.kernels;

import java.util.Objects;

/**
 * What an elementwise kernel computes: for every {@code i} in {@code [0, n)}, run {@code operation}
 * with the arguments in scope. An immutable value; two equal specs compile to the same kernel.
 *
 * @param name       the kernel's name, a C identifier
 * @param arguments  the parameters
 * @param operation  C statements run once per element, e.g. {@code "c[i] = a*x[i] + b*y[i]"}
 * @param preamble   helper functions and macros placed before the kernel ("" for none)
 * @param loopPrep   statements run by each worker before its loop ("" for none)
 * @param afterLoop  statements run by each worker after its loop ("" for none)
 * @param indexSpace how some arrays are addressed through strides ({@link IndexSpace#NONE} for none)
 */
public record ElementwiseSpec(String name, ArgumentList arguments, String operation, String preamble,
                              String loopPrep, String afterLoop, IndexSpace indexSpace) {
    public ElementwiseSpec {
        requireKernelName(name);
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(operation, "operation");
        if (operation.isBlank()) {
            throw new IllegalArgumentException("elementwise kernel '" + name + "' has an empty operation");
        }
        preamble = Objects.requireNonNullElse(preamble, "");
        loopPrep = Objects.requireNonNullElse(loopPrep, "");
        afterLoop = Objects.requireNonNullElse(afterLoop, "");
        indexSpace = Objects.requireNonNullElse(indexSpace, IndexSpace.NONE);
        indexSpace.checkDeclaredIn(name, arguments);
    }

    /** A spec whose arrays are all indexed by {@code i}. */
    public ElementwiseSpec(String name, ArgumentList arguments, String operation, String preamble, String loopPrep,
                           String afterLoop) {
        this(name, arguments, operation, preamble, loopPrep, afterLoop, IndexSpace.NONE);
    }

    /**
     * The variant of this spec whose index space is {@link IndexSpace#withTiles() tiled}, named with a
     * {@code _tiled} suffix; the same operation and arguments.
     */
    public ElementwiseSpec withTiles() {
        return new ElementwiseSpec(name + "_tiled", arguments, operation, preamble, loopPrep, afterLoop,
                indexSpace.withTiles());
    }

    /** A spec with no preamble, loop preparation or after-loop code. */
    public static ElementwiseSpec of(String name, String arguments, String operation) {
        return new ElementwiseSpec(name, ArgumentList.parse(arguments), operation, "", "", "");
    }

    static void requireKernelName(String name) {
        Objects.requireNonNull(name, "kernel name");
        if (!Identifiers.isIdentifier(name) || Identifiers.isReserved(name)) {
            throw new IllegalArgumentException("kernel name '" + name + "' is not a usable C identifier");
        }
    }
}
