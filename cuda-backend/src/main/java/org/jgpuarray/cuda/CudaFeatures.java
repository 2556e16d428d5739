package org.jgpuarray.cuda;

/**
 * What is particular to a CUDA device: {@code context.unwrap(CudaFeatures.class)} on a context of the
 * {@code cuda} backend, for interoperating with other CUDA code. Thread-safe.
 */
public interface CudaFeatures {
    /**
     * The {@code CUstream} handle the context's launches and copies are enqueued in, as selected for its last
     * call (the calling thread's stream, when streams are in use); 0 is the legacy default stream, the
     * context's own. Work of other CUDA code in this stream is ordered with jgpuarray's.
     */
    long streamHandle();

    /** Streams the context created and has not yet destroyed (the legacy default stream, its own, not counted). */
    int liveStreams();

    /** Events recorded in the context's streams and not yet destroyed (timers' and queue bounds' not counted). */
    int liveEvents();

    /** Blocks of page-locked host memory ({@code cuMemHostAlloc}) the context allocated and has not yet freed. */
    int livePinnedBlocks();

    /** The compiler that builds the context's kernels, e.g. {@code NVRTC 12.6 (JCuda)}. */
    String compilerDescription();

    /** What kernels are compiled for, e.g. {@code sm_90 cubin} or {@code compute_90 PTX}. */
    String compileTarget();
}
