package org.jgpuarray.kernels;

import java.util.Objects;

/**
 * What a map-reduce kernel computes: {@code reduce(neutral, map(0), map(1), ..., map(n-1))} in some
 * order, where {@code mapExpression} is evaluated with {@code i} and the arguments in scope and
 * {@code reduceExpression} combines two values named {@code a} and {@code b}. The reduction must be
 * associative and commutative, and {@code neutral} its identity. An immutable value.
 *
 * @param name             the kernel's name, a C identifier
 * @param outputType       the accumulator and result type (BOOL and complex not allowed)
 * @param neutral          C expression of the identity, e.g. {@code "0"} or {@code "-INFINITY"}
 * @param reduceExpression C expression in {@code a} and {@code b}, e.g. {@code "a+b"}
 * @param mapExpression    C expression in {@code i} and the arguments, e.g. {@code "x[i]*y[i]"}
 * @param arguments        the parameters
 * @param preamble         helper functions and macros ("" for none)
 */
public record ReductionSpec(String name, ScalarType outputType, String neutral, String reduceExpression,
                            String mapExpression, ArgumentList arguments, String preamble) {
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
    }

    static void requireExpression(String kernel, String what, String expression) {
        Objects.requireNonNull(expression, what);
        if (expression.isBlank()) {
            throw new IllegalArgumentException("kernel '" + kernel + "' has an empty " + what);
        }
    }
}
