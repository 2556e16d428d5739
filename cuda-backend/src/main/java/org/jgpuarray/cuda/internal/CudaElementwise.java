package org.jgpuarray.cuda.internal;

import org.jgpuarray.kernels.c.KernelLayout;
import org.jgpuarray.spi.CompiledElementwise;

/** A generated elementwise kernel: arguments, then {@code long long n}; grid-stride loop. */
final class CudaElementwise implements CompiledElementwise {
    private final CudaDevice device;
    private final CudaKernel kernel;
    private final int threads;

    CudaElementwise(CudaDevice device, CudaKernel kernel) {
        this.device = device;
        this.kernel = kernel;
        this.threads = Math.max(32, Math.min(KernelLayout.BLOCK, kernel.maxThreadsPerBlock()) / 32 * 32);
    }

    @Override
    public void launch(long n, Object[] args) {
        if (n <= 0) {
            return;
        }
        device.context().enter();
        kernel.launch(device.geometry().elementwiseBlocks(n, threads), threads,
                KernelParams.of(device.memory(), kernel.name(), args, n));
    }
}
