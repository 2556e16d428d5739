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

    /** Command queues of this device's streams not yet closed (the device's own queue not counted). */
    int liveQueues();

    /** Marker events of this device's stream events, and of the memory pool's, not yet released. */
    int liveEvents();

    /** The platform's name, e.g. {@code Portable Computing Language}. */
    String platformName();
}
