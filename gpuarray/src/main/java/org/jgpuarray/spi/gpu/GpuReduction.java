package org.jgpuarray.spi.gpu;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated two-stage reduction: {@code stage1(args..., partials, n)} with G blocks writes G partials,
 * {@code stage2(partials, out, G)} with one block reduces them into element 0 of the result. With one
 * block (small inputs, or none) the first stage writes the result directly.
 *
 * <p>CPU devices (PoCL runs a block as a loop over its threads, so that the first stage's tree in local memory
 * costs more than the reading) take the OpenCL {@code chunks} kernel instead of {@code stage1} where the input
 * needs more than one block: a few groups per compute unit ({@link CpuReductionShape}), each work-item reading
 * its chunk of consecutive elements start to end.
 */
final class GpuReduction implements CompiledReduction {
    private final GpuDevice device;
    private final String name;
    private final ArgumentList arguments;
    private final GpuKernel stage1;
    private final GpuKernel stage2;
    private final GpuKernel chunks;
    private final int block;
    private final int elementBytes;

    /**
     * @param chunks the OpenCL {@code chunks} kernel, or null where the program has none (CUDA)
     */
    GpuReduction(GpuDevice device, String name, ArgumentList arguments, GpuKernel stage1, GpuKernel stage2,
                 GpuKernel chunks, int block, int elementBytes) {
        this.device = device;
        this.name = name;
        this.arguments = arguments;
        this.stage1 = stage1;
        this.stage2 = stage2;
        this.chunks = chunks;
        this.block = block;
        this.elementBytes = elementBytes;
    }

    @Override
    public void launch(long n, Object[] args, DeviceBuffer result) {
        long count = Math.max(n, 0);
        long blocks = device.geometry().reductionBlocks(count, block);
        long[] threads = {block, 1, 1};
        device.run(() -> {
            if (blocks == 1) {
                device.launch(stage1, new long[] {1, 1, 1}, threads, 0,
                        ArgumentBinder.bind(name, arguments, args, result, count));
                return;
            }
            if (chunks != null && !device.geometry().gpu()) {
                launchOnCpu(count, args, result);
                return;
            }
            DeviceBuffer partials = device.scratch().get("reduction-partials", blocks * elementBytes);
            device.launch(stage1, new long[] {blocks, 1, 1}, threads, 0,
                    ArgumentBinder.bind(name, arguments, args, partials, count));
            device.launch(stage2, new long[] {1, 1, 1}, threads, 0, new Object[] {partials, result, blocks});
        });
    }

    /** The CPU-device shape (see the class comment), inside {@code device.run}; {@code count} needs several blocks. */
    private void launchOnCpu(long count, Object[] args, DeviceBuffer result) {
        long groups = CpuReductionShape.groups(count, block, device.geometry().computeUnits());
        long items = groups * block;
        long chunk = CpuReductionShape.chunk(count, items);
        long[] threads = {block, 1, 1};
        DeviceBuffer partials = device.scratch().get("reduction-partials", items * elementBytes);
        device.launch(chunks, new long[] {groups, 1, 1}, threads, 0,
                ArgumentBinder.bind(name, arguments, args, partials, count, chunk));
        device.launch(stage2, new long[] {1, 1, 1}, threads, 0, new Object[] {partials, result, items});
    }
}
