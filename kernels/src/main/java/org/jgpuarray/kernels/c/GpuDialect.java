package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;

/**
 * What differs between CUDA C++ and OpenCL C in generated sources: the compatibility prelude, how
 * parameters and kernels are declared, and the templates of the reduction and scan kernels.
 */
interface GpuDialect {
    /** The dialect this describes. */
    Dialect dialect();

    /** Definitions every program starts with, so one snippet reads the same on every backend. */
    String prelude();

    /** The user's preamble made valid in this dialect. */
    String preamble(String userPreamble);

    /** A kernel parameter as declared in this dialect, e.g. {@code __global float *x}. */
    default String parameter(Argument a) {
        return a.array() ? pointer(a.type()) + a.name() : a.type().nameIn(dialect()) + " " + a.name();
    }

    /** A pointer-to-global-memory type prefix, e.g. {@code "__global float *"}. */
    String pointer(ScalarType type);

    /** The 64-bit signed integer type used for indices and lengths. */
    String indexType();

    /** The elementwise kernel template; placeholders NAME, PARAMS, LOOP_PREP, OPERATION, AFTER_LOOP. */
    String elementwiseTemplate();

    /** The reduction template; placeholders NAME, T, PARAMS_PREFIX, MAP_PARAMS, MAP_ARGS, NEUTRAL, REDUCE, MAP. */
    String reductionTemplate();

    /** The scan template; placeholders NAME, T, NEUTRAL, SCAN. */
    String scanTemplate();

    /** The parameters of an argument list joined for a kernel or helper signature. */
    default String parameters(ArgumentList arguments) {
        return String.join(", ", arguments.arguments().stream().map(this::parameter).toList());
    }
}
