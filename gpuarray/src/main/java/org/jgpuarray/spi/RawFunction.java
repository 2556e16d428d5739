package org.jgpuarray.spi;

/** One kernel of a {@link RawProgram}. */
public interface RawFunction {
    /**
     * Launches the kernel.
     *
     * @param grid        blocks per dimension (CUDA's grid; OpenCL global size = grid * block), 1 to 3 entries
     * @param block       threads per block (work-group size), as many entries as {@code grid}
     * @param sharedBytes dynamic shared memory per block ({@code extern __shared__}, CUDA); 0 for none, and
     *                    always 0 on OpenCL, whose kernels take {@link org.jgpuarray.device.LocalMemory} arguments
     * @param args        {@link DeviceBuffer}s, boxed {@code Float}/{@code Double}/{@code Integer}/{@code Long}/
     *                    {@code Short}/{@code Byte} values, or {@link org.jgpuarray.device.LocalMemory} (on CUDA:
     *                    more dynamic shared memory)
     * @throws IllegalArgumentException when a size exceeds the device's limits, before anything is launched
     */
    void launch(long[] grid, long[] block, long sharedBytes, Object[] args);

    /** The kernel's name. */
    String name();
}
