package org.jgpuarray.spi;

/** One kernel of a {@link RawProgram}. */
public interface RawFunction {
    /**
     * Launches the kernel.
     *
     * @param grid  blocks per dimension (CUDA's grid; OpenCL global size = grid * block), 1 to 3 entries
     * @param block threads per block (work-group size), as many entries as {@code grid}
     * @param args  {@link DeviceBuffer}s, boxed {@code Float}/{@code Double}/{@code Integer}/{@code Long}/
     *              {@code Short}/{@code Byte} values, or {@link org.jgpuarray.device.LocalMemory} (OpenCL)
     */
    void launch(long[] grid, long[] block, Object[] args);

    /** The kernel's name. */
    String name();
}
