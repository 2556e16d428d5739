package org.jgpuarray.kernels;

import java.util.Objects;

/**
 * What a map-reduce kernel computes: {@code reduce(neutral, map(0), map(1), ..., map(n-1))} in some
 * order, where {@code mapExpression} is evaluated with {@code i} and the arguments in scope and
 * {@code reduceExpression} combines two values named {@code a} and {@code b}. The reduction must be
 * associative and commutative, and {@code neutral} its identity. An immutable value.
 *
 * <p>A <em>segmented</em> reduction (one with an {@link IndexSpace}) computes many results at once: its
 * index space has {@code outerDims} outer dimensions, whose positions in C order are the outputs, and the
 * remaining inner dimensions, whose positions are reduced into each output (NumPy's reduction along axes,
 * with the reduced axes moved last). For each output, {@code i} counts its inner positions in C order from
 * 0 and {@code n} is their number; the map expression reads the arrays of the space at the current
 * position as {@code x[jga_at_x]}.
 *
 * @param name             the kernel's name, a C identifier
 * @param outputType       the accumulator and result type (BOOL and complex not allowed)
 * @param neutral          C expression of the identity, e.g. {@code "0"} or {@code "-INFINITY"}
 * @param reduceExpression C expression in {@code a} and {@code b}, e.g. {@code "a+b"}
 * @param mapExpression    C expression in {@code i} and the arguments, e.g. {@code "x[i]*y[i]"}
 * @param arguments        the parameters (with the index space's, when there is one)
 * @param preamble         helper functions and macros ("" for none)
 * @param indexSpace       the space of a segmented reduction, {@link IndexSpace#NONE} for a plain one
 * @param outerDims        how many leading dimensions of the index space are outer (output) dimensions: at
 *                         least 1 and fewer than its dimensions; 0 without an index space
 */
public record ReductionSpec(String name, ScalarType outputType, String neutral, String reduceExpression,
                            String mapExpression, ArgumentList arguments, String preamble, IndexSpace indexSpace,
                            int outerDims) {
    public ReductionSpec {
        ElementwiseSpec.requireKernelName(name);
        Objects.requireNonNull(outputType, "output type");
        if (!(outputType.isInteger() || outputType.isFloatingPoint())) {
            throw new IllegalArgumentException("reduction '" + name + "' cannot accumulate in " + outputType
                    + "; use float32, float64, int32 or int64");
        }
        requireExpression(name, "neutral", neutral);
        requireExpression(name, "reduce expression", reduceExpression);
        requireExpression(name, "map expression", mapExpression);
        Objects.requireNonNull(arguments, "arguments");
        preamble = Objects.requireNonNullElse(preamble, "");
        indexSpace = Objects.requireNonNullElse(indexSpace, IndexSpace.NONE);
        boolean fits = indexSpace.present() ? outerDims >= 1 && outerDims < indexSpace.ndim() : outerDims == 0;
        if (!fits) {
            throw new IllegalArgumentException("reduction '" + name + "': " + outerDims + " outer dimensions do not fit an "
                    + "index space of " + indexSpace.ndim() + " (a segmented reduction needs at least one outer and one "
                    + "inner dimension)");
        }
        indexSpace.checkDeclaredIn(name, arguments);
    }

    /** A plain (not segmented) reduction: one result over {@code i} in {@code [0, n)}. */
    public ReductionSpec(String name, ScalarType outputType, String neutral, String reduceExpression,
                         String mapExpression, ArgumentList arguments, String preamble) {
        this(name, outputType, neutral, reduceExpression, mapExpression, arguments, preamble, IndexSpace.NONE, 0);
    }

    /** True for a segmented reduction: one result per outer position of its index space. */
    public boolean segmented() {
        return indexSpace.present();
    }

    /** The number of inner (reduced) dimensions of a segmented reduction's index space; 0 for a plain one. */
    public int innerDims() {
        return indexSpace.ndim() - outerDims;
    }

    static void requireExpression(String kernel, String what, String expression) {
        Objects.requireNonNull(expression, what);
        if (expression.isBlank()) {
            throw new IllegalArgumentException("kernel '" + kernel + "' has an empty " + what);
        }
    }
}
