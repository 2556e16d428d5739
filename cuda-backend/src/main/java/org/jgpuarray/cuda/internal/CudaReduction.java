package org.jgpuarray.cuda.internal;

import org.jgpuarray.kernels.c.KernelLayout;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated two-stage reduction: {@code stage1(args..., partials, n)} with G blocks, then
 * {@code stage2(partials, out, G)} with one block. With one block (small inputs, or none) the first
 * stage writes the result directly.
 */
final class CudaReduction implements CompiledReduction {
    private final CudaDevice device;
    private final CudaKernel stage1;
    private final CudaKernel stage2;
    private final int elementBytes;

    CudaReduction(CudaDevice device, CudaKernel stage1, CudaKernel stage2, int elementBytes) {
        this.device = device;
        this.stage1 = stage1;
        this.stage2 = stage2;
        this.elementBytes = elementBytes;
    }

    @Override
    public void launch(long n, Object[] args, DeviceBuffer result) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        CudaBuffer out = device.memory().own(result, "result");
        out.at(0, elementBytes);
        device.context().enter();
        long blocks = device.geometry().reductionBlocks(n);
        if (blocks == 1) {
            stage1.launch(1, KernelLayout.BLOCK, KernelParams.of(device.memory(), stage1.name(), args, out, n));
            return;
        }
        CudaBuffer partials = device.scratch().get("reduction-partials", blocks * elementBytes);
        stage1.launch(blocks, KernelLayout.BLOCK, KernelParams.of(device.memory(), stage1.name(), args, partials, n));
        stage2.launch(1, KernelLayout.BLOCK, KernelParams.of(device.memory(), stage2.name(),
                new Object[] {partials, out, blocks}));
    }
}
