package org.jgpuarray.spi.gpu;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.spi.CompiledElementwise;

/**
 * A generated elementwise kernel: the declared parameters, then {@code n}; grid-stride loop, or none where the
 * launch has exactly one thread per element.
 */
final class GpuElementwise implements CompiledElementwise {
    private final GpuDevice device;
    private final String name;
    private final ArgumentList arguments;
    private final GpuKernel kernel;
    private final int block;

    GpuElementwise(GpuDevice device, String name, ArgumentList arguments, GpuKernel kernel) {
        this.device = device;
        this.name = name;
        this.arguments = arguments;
        this.kernel = kernel;
        this.block = device.geometry().elementwiseBlock(kernel.maxBlockSize());
    }

    @Override
    public void launch(long n, Object[] args) {
        if (n <= 0) {
            return;
        }
        Object[] bound = ArgumentBinder.bind(name, arguments, args, n);
        int threads = device.geometry().elementwiseCoveringBlock(n, block);
        long blocks = device.geometry().elementwiseBlocks(n, threads);
        device.run(() -> device.launch(kernel, new long[] {blocks, 1, 1}, new long[] {threads, 1, 1}, 0, bound));
    }
}
