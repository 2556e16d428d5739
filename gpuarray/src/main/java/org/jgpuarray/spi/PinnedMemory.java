package org.jgpuarray.spi;

import java.nio.ByteBuffer;

/**
 * Host memory a device copies to and from without staging it: page-locked memory on CUDA
 * ({@code cuMemHostAlloc}), a mapped {@code CL_MEM_ALLOC_HOST_PTR} buffer on OpenCL, a direct buffer on a
 * device that copies synchronously. Allocated by {@link BackendDevice#allocatePinned(long)}; the core releases
 * it exactly once, after the device's copies from or into it have finished.
 */
public interface PinnedMemory {
    /**
     * The memory, as a direct buffer in the platform's byte order, position 0, limit {@link #byteSize()}. The
     * same buffer on every call; invalid after {@link #release()}.
     */
    ByteBuffer buffer();

    /** Size in bytes. */
    long byteSize();

    /** Frees the memory. Called once, never after the owning device is closed. */
    void release();
}
