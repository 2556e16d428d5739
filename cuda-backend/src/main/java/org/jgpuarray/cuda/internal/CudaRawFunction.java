package org.jgpuarray.cuda.internal;

import org.jgpuarray.spi.RawFunction;

/** One kernel of a {@link CudaRawProgram}, launched with explicit grid and block sizes. */
final class CudaRawFunction implements RawFunction {
    private final CudaDevice device;
    private final CudaKernel kernel;
    private final String name;

    CudaRawFunction(CudaDevice device, CudaKernel kernel, String name) {
        this.device = device;
        this.kernel = kernel;
        this.name = name;
    }

    @Override
    public void launch(long[] grid, long[] block, Object[] args) {
        if (grid.length < 1 || grid.length > 3 || block.length != grid.length) {
            throw new IllegalArgumentException("kernel '" + name + "' needs 1 to 3 grid and block dimensions, as many"
                    + " of each; got " + grid.length + " and " + block.length);
        }
        long threads = 1;
        for (long b : block) {
            threads *= b;
        }
        if (threads > kernel.maxThreadsPerBlock()) {
            throw new IllegalArgumentException("kernel '" + name + "' can run at most " + kernel.maxThreadsPerBlock()
                    + " threads per block on this device, asked for " + threads);
        }
        device.context().enter();
        kernel.launch(pad(grid), pad(block), KernelParams.of(device.memory(), name, args));
    }

    @Override
    public String name() {
        return name;
    }

    private static long[] pad(long[] sizes) {
        long[] three = {1, 1, 1};
        System.arraycopy(sizes, 0, three, 0, sizes.length);
        return three;
    }
}
