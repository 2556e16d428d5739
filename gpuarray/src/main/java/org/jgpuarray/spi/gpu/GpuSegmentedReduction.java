package org.jgpuarray.spi.gpu;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.c.KernelLayout;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated segmented reduction: {@code segments(args..., out, outer, inner, parts, lanes)} and, when each
 * output's positions are split into several parts, {@code partials(partials, out, outer, parts, lanes)}. A
 * block is {@code lanes} outputs by {@code block / lanes} rows of threads:
 * <ul>
 *   <li>one lane (a block per output, its threads reading neighbouring elements) when an output's elements lie
 *       together in memory and there are at least as many as threads in a block;</li>
 *   <li>32 lanes otherwise (a warp reads 32 neighbouring outputs at once: coalesced for reductions over a first
 *       or middle axis, and no idle threads for short segments).</li>
 * </ul>
 * Outputs too few to fill the device have their positions split into parts, as many as make the blocks a
 * one-pass reduction of the same size would launch, and a second pass combines the parts.
 *
 * <p>CPU devices (PoCL runs a block as a loop over its threads) get other shapes when there are at least a
 * block of outputs, chosen by {@link CpuSegmentShape}: segments that lie together in memory one thread each,
 * read start to end (on PoCL 5x faster than a block per segment over 4096 x 4096 float32); neighbouring outputs
 * that lie together the OpenCL {@code columns} kernel, a work-item of a one-item group per strip of
 * {@link KernelLayout#COLUMN_STRIP} outputs and part of {@link CpuSegmentShape#COLUMN_ROWS} rows, reading each
 * row's part of the strip as vectors.
 */
final class GpuSegmentedReduction implements CompiledReduction {
    /** Outputs a block reads side by side when they, rather than segments, are neighbours in memory. */
    private static final int LANES = 32;

    private final GpuDevice device;
    private final String name;
    private final ArgumentList arguments;
    private final GpuKernel segments;
    private final GpuKernel partials;
    private final GpuKernel columns;
    private final int block;
    private final int elementBytes;

    /**
     * @param columns the OpenCL {@code columns} kernel, or null where the program has none (CUDA)
     */
    GpuSegmentedReduction(GpuDevice device, String name, ArgumentList arguments, GpuKernel segments,
                          GpuKernel partials, GpuKernel columns, int block, int elementBytes) {
        this.device = device;
        this.name = name;
        this.arguments = arguments;
        this.segments = segments;
        this.partials = partials;
        this.columns = columns;
        this.block = block;
        this.elementBytes = elementBytes;
    }

    @Override
    public void launch(long n, Object[] args, DeviceBuffer result) {
        throw new IllegalStateException("reduction '" + name + "' is segmented; launch it with outer and inner counts");
    }

    @Override
    public void launch(long outer, long inner, boolean segmentsContiguous, Object[] args, DeviceBuffer out) {
        if (outer <= 0) {
            return;
        }
        long count = Math.max(inner, 0);
        if (!device.geometry().gpu() && outer >= block && count > 0) {
            launchOnCpu(outer, count, segmentsContiguous, args, out);
            return;
        }
        int lanes = lanes(segmentsContiguous && count >= block);
        long tiles = LaunchGeometry.ceilDiv(outer, lanes);
        long target = device.geometry().reductionBlocks(outer * Math.max(count, 1), block);
        long mostParts = Math.max(1, LaunchGeometry.ceilDiv(count, block / lanes));
        long parts = Math.max(1, Math.min(LaunchGeometry.ceilDiv(target, tiles), mostParts));
        long[] threads = {block, 1, 1};
        device.run(() -> {
            if (parts == 1) {
                device.launch(segments, grid(tiles), threads, 0,
                        ArgumentBinder.bind(name, arguments, args, out, outer, count, 1L, lanes));
                return;
            }
            DeviceBuffer partial = device.scratch().get("segment-partials", outer * parts * elementBytes);
            device.launch(segments, grid(tiles * parts), threads, 0,
                    ArgumentBinder.bind(name, arguments, args, partial, outer, count, parts, lanes));
            combineParts(partial, out, outer, parts, threads);
        });
    }

    /** The CPU-device shapes (see the class comment); {@code outer >= block}, {@code count > 0}. */
    private void launchOnCpu(long outer, long count, boolean segmentsContiguous, Object[] args, DeviceBuffer out) {
        boolean byColumns = !segmentsContiguous && columns != null;
        long tiles = LaunchGeometry.ceilDiv(outer, block);
        long parts = byColumns ? CpuSegmentShape.columnParts(outer, count)
                : CpuSegmentShape.segmentParts(count, tiles, device.geometry().computeUnits());
        long[] threads = {block, 1, 1};
        device.run(() -> {
            DeviceBuffer target = parts == 1 ? out
                    : device.scratch().get("segment-partials", outer * parts * elementBytes);
            if (byColumns) {
                long strips = LaunchGeometry.ceilDiv(outer, KernelLayout.COLUMN_STRIP) * parts;
                device.launch(columns, new long[] {device.geometry().elementwiseBlocks(strips, 1), 1, 1},
                        new long[] {1, 1, 1}, 0, ArgumentBinder.bind(name, arguments, args, target, outer, count, parts));
            } else {
                device.launch(segments, grid(tiles * parts), threads, 0,
                        ArgumentBinder.bind(name, arguments, args, target, outer, count, parts, block));
            }
            if (parts > 1) {
                combineParts(target, out, outer, parts, threads);
            }
        });
    }

    /** The second pass: reduces the {@code parts} partials of every output into {@code out}; holds the lock. */
    private void combineParts(DeviceBuffer partial, DeviceBuffer out, long outer, long parts, long[] threads) {
        int partLanes = lanes(parts >= block);
        device.launch(partials, grid(LaunchGeometry.ceilDiv(outer, partLanes)), threads, 0,
                new Object[] {partial, out, outer, parts, partLanes});
    }

    private int lanes(boolean onePerBlock) {
        return onePerBlock ? 1 : Math.min(LANES, block);
    }

    /** Blocks for {@code groups} groups of work: the kernels loop over groups beyond the device's waves. */
    private long[] grid(long groups) {
        return new long[] {device.geometry().elementwiseBlocks(groups * block, block), 1, 1};
    }
}
