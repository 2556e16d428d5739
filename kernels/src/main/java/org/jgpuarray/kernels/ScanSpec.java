package org.jgpuarray.kernels;

import java.util.Objects;

/**
 * What a scan (prefix sum with any associative operator) computes over one input array into one
 * output array of the same type. Inclusive: {@code out[k] = in[0] op ... op in[k]}; exclusive:
 * {@code out[0] = neutral, out[k] = in[0] op ... op in[k-1]}. The operator need not be commutative.
 *
 * @param name           the kernel's name, a C identifier
 * @param type           element type of input and output (BOOL and complex not allowed)
 * @param scanExpression C expression in {@code a} (earlier) and {@code b} (later), e.g. {@code "a+b"}
 * @param neutral        C expression of the operator's identity
 * @param inclusive      inclusive or exclusive scan
 * @param preamble       helper functions and macros ("" for none)
 */
public record ScanSpec(String name, ScalarType type, String scanExpression, String neutral, boolean inclusive,
                       String preamble) {
    public ScanSpec {
        ElementwiseSpec.requireKernelName(name);
        Objects.requireNonNull(type, "type");
        if (!(type.isInteger() || type.isFloatingPoint())) {
            throw new IllegalArgumentException("scan '" + name + "' cannot work on " + type
                    + "; use float32, float64, int32 or int64");
        }
        ReductionSpec.requireExpression(name, "scan expression", scanExpression);
        ReductionSpec.requireExpression(name, "neutral", neutral);
        preamble = Objects.requireNonNullElse(preamble, "");
    }
}
