package org.jgpuarray.spi.gpu;

/** One kernel of a {@link GpuProgram}. */
public interface GpuKernel {
    /** The kernel's name in the program. */
    String name();

    /** The most threads a block (work-items a work-group) of this kernel may have on the device. */
    int maxBlockSize();

    /**
     * The shared (local) memory the kernel declares itself, which counts against the per-block limit
     * together with the dynamic shared memory of a launch; 0 (the default) where the backend does not say.
     */
    default long staticSharedBytes() {
        return 0;
    }

    /**
     * Enqueues the kernel. The caller ({@link GpuDevice}) has checked the sizes against the device's
     * {@link LaunchLimits} and the kernel's {@link #maxBlockSize()}.
     *
     * @param grid        blocks per dimension, three entries, each at least 1 (OpenCL: global size = grid * block)
     * @param block       threads per block per dimension, three entries, each at least 1
     * @param sharedBytes dynamic shared memory per block (CUDA); 0 when none
     * @param args        {@code DeviceBuffer}s of the device, boxed {@code Float}, {@code Double},
     *                    {@code Integer}, {@code Long}, {@code Short} or {@code Byte} values of the exact C
     *                    type, or {@link org.jgpuarray.device.LocalMemory}
     * @throws IllegalArgumentException naming the argument when one cannot be passed
     */
    void launch(long[] grid, long[] block, long sharedBytes, Object[] args);
}
