package org.jgpuarray.opencl;

/**
 * What is particular to an OpenCL device: {@code context.unwrap(OpenClFeatures.class)} on a context of the
 * {@code opencl} backend. Thread-safe.
 */
public interface OpenClFeatures {
    /** Buffers of this device not yet released (scratch buffers of generated kernels included). */
    int liveBuffers();

    /** OpenCL buffers not yet released over every OpenCL device of this process. */
    long liveBuffersInProcess();

    /** The platform's name, e.g. {@code Portable Computing Language}. */
    String platformName();
}
