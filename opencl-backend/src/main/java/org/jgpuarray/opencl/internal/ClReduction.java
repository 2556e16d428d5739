package org.jgpuarray.opencl.internal;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated two-stage reduction: {@code _stage1} with G work-groups of {@code JGA_BLOCK} writes G
 * partials into a scratch buffer kept for the kernel's lifetime (grown when a larger G is needed),
 * {@code _stage2} with one work-group reduces them into element 0 of the result.
 */
final class ClReduction implements CompiledReduction {
    private final ClKernel stage1;
    private final ClKernel stage2;
    private final ArgumentList arguments;
    private final ClQueue queue;
    private final LaunchGeometry geometry;
    private final int block;
    private final ClMemory memory;
    private final int partialBytes;
    private ClBuffer partials;

    ClReduction(ClKernel stage1, ClKernel stage2, ArgumentList arguments, ClQueue queue, LaunchGeometry geometry,
                int block, ClMemory memory, int partialBytes) {
        this.stage1 = stage1;
        this.stage2 = stage2;
        this.arguments = arguments;
        this.queue = queue;
        this.geometry = geometry;
        this.block = block;
        this.memory = memory;
        this.partialBytes = partialBytes;
    }

    @Override
    public void launch(long n, Object[] args, DeviceBuffer result) {
        int groups = geometry.reductionGroups(Math.max(n, 0), block);
        ClBuffer scratch = partials(groups);
        SpecArguments.bind(stage1, arguments, args);
        stage1.setBuffer(arguments.size(), scratch);
        stage1.setLong(arguments.size() + 1, Math.max(n, 0));
        queue.run(stage1.handle(), stage1.name(), new long[] {(long) groups * block}, new long[] {block});
        stage2.setBuffer(0, scratch);
        stage2.setBuffer(1, result);
        stage2.setLong(2, groups);
        queue.run(stage2.handle(), stage2.name(), new long[] {block}, new long[] {block});
    }

    private ClBuffer partials(int groups) {
        long bytes = (long) groups * partialBytes;
        if (partials == null || partials.byteSize() < bytes) {
            if (partials != null) {
                partials.release();
            }
            partials = memory.allocate(Math.max(bytes, 64L * partialBytes));
        }
        return partials;
    }
}
