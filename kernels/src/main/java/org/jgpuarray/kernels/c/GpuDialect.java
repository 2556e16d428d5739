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

    /**
     * A parameter as declared in this dialect in a helper function that the kernel calls (a reduction's
     * map function), e.g. {@code __global float *x}.
     */
    default String parameter(Argument a) {
        return a.array() ? pointer(a.type()) + a.name() : a.type().nameIn(dialect()) + " " + a.name();
    }

    /** A parameter of a {@code __kernel}/{@code __global__} function; by default as {@link #parameter}. */
    default String kernelParameter(Argument a) {
        return parameter(a);
    }

    /**
     * Declarations that open a kernel's body, each line indented by four spaces and ending in a newline,
     * that give the snippet the names of the arguments where {@link #kernelParameter} renamed them; by
     * default none.
     */
    default String aliases(ArgumentList arguments) {
        return "";
    }

    /** A pointer-to-global-memory type prefix, e.g. {@code "__global float *"}. */
    String pointer(ScalarType type);

    /** The 64-bit signed integer type used for indices and lengths. */
    String indexType();

    /** The index of the current thread within its block (work-group), as {@link #indexType()}. */
    String lane();

    /** The threads in one block (work-group), as {@link #indexType()}. */
    String blockSize();

    /** The index of the current block (work-group), as {@link #indexType()}. */
    String blockIndex();

    /** The index of the current thread in the whole launch, as {@link #indexType()}. */
    String globalIndex();

    /** The threads of the whole launch, as {@link #indexType()}. */
    String globalSize();

    /**
     * The elementwise template over an index space of two or more dimensions; placeholders NAME, PARAMS,
     * ALIASES, LOOP_PREP, LOOP (the whole element loop, see {@code StridedLoop}), AFTER_LOOP.
     */
    String stridedElementwiseTemplate();

    /**
     * The elementwise kernel template; placeholders NAME, PARAMS, ALIASES, LOOP_PREP, OPERATION (the operation
     * indented two levels, for a plain loop), NESTED_OPERATION (three levels, for a loop inside a branch),
     * AFTER_LOOP.
     */
    String elementwiseTemplate();

    /**
     * The elementwise kernel template for an operation that defines a label, which may appear only once in
     * the kernel; the same placeholders. By default {@link #elementwiseTemplate()}, which holds it once.
     */
    default String labelledElementwiseTemplate() {
        return elementwiseTemplate();
    }

    /**
     * The reduction template; placeholders NAME, T, PARAMS_PREFIX, ALIASES, MAP_PARAMS, MAP_ARGS, NEUTRAL, REDUCE,
     * MAP.
     */
    String reductionTemplate();

    /** The scan template; placeholders NAME, T, NEUTRAL, SCAN. */
    String scanTemplate();

    /** The parameters of an argument list joined for a kernel signature. */
    default String parameters(ArgumentList arguments) {
        return String.join(", ", arguments.arguments().stream().map(this::kernelParameter).toList());
    }
}
