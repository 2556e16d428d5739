package org.jgpuarray.cuda;

/**
 * What is particular to a CUDA device: {@code context.unwrap(CudaFeatures.class)} on a context of the
 * {@code cuda} backend, for interoperating with other CUDA code. Thread-safe.
 */
public interface CudaFeatures {
    /**
     * The {@code CUstream} handle every launch and copy of the context is enqueued in; 0 is the legacy default
     * stream. Work of other CUDA code in this stream is ordered with jgpuarray's.
     */
    long streamHandle();

    /** The compiler that builds the context's kernels, e.g. {@code NVRTC 12.6 (JCuda)}. */
    String compilerDescription();

    /** What kernels are compiled for, e.g. {@code sm_90 cubin} or {@code compute_90 PTX}. */
    String compileTarget();
}
