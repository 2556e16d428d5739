package org.jgpuarray.spi.gpu;

import java.util.stream.IntStream;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated tiled scan: {@code tiles(in, out, totals, n, inclusive)} with one block per tile of
 * {@code block * items} elements writes each tile's total; with more than one tile the totals are scanned
 * inclusively in place (recursively, one scratch slot per level) and {@code add_offsets(out, totals, n)}
 * with one block per tile after the first completes the scan. Rows (segments) of {@code n} elements are
 * scanned alone: the blocks cover each row's tiles in turn, the totals form rows of their own, and rows shorter
 * than a tile go to {@code rows(in, out, segments, n, inclusive)}, one thread per row.
 */
final class GpuScan implements CompiledScan {
    /**
     * The scratch slot of each level's tile totals, named once rather than per launch; a tile holds at least two
     * elements, so a long count needs fewer than 64 levels.
     */
    private static final String[] TOTALS = IntStream.range(0, Long.SIZE).mapToObj(l -> "scan-totals-" + l)
            .toArray(String[]::new);

    private final GpuDevice device;
    private final GpuKernel tiles;
    private final GpuKernel addOffsets;
    private final GpuKernel rows;
    private final boolean inclusive;
    private final int elementBytes;
    private final int block;
    private final int items;

    GpuScan(GpuDevice device, GpuKernel tiles, GpuKernel addOffsets, GpuKernel rows, boolean inclusive,
            int elementBytes, int block, int items) {
        this.device = device;
        this.tiles = tiles;
        this.addOffsets = addOffsets;
        this.rows = rows;
        this.inclusive = inclusive;
        this.elementBytes = elementBytes;
        this.block = block;
        this.items = items;
    }

    @Override
    public void launch(long n, DeviceBuffer in, DeviceBuffer out) {
        if (n > 0) {
            device.run(() -> scan(in, out, 1, n, inclusive, 0));
        }
    }

    @Override
    public void launch(long segments, long length, DeviceBuffer in, DeviceBuffer out) {
        if (segments > 0 && length > 0) {
            device.run(() -> scan(in, out, segments, length, inclusive, 0));
        }
    }

    private void scan(DeviceBuffer in, DeviceBuffer out, long segments, long n, boolean inclusiveLevel, int level) {
        long[] threads = {block, 1, 1};
        long tile = (long) block * items;
        if (segments > 1 && n < tile) {
            long[] grid = {device.geometry().elementwiseBlocks(segments, block), 1, 1};
            device.launch(rows, grid, threads, 0, new Object[] {in, out, segments, n, inclusiveLevel ? 1 : 0});
            return;
        }
        long tileCount = LaunchGeometry.ceilDiv(n, tile);
        DeviceBuffer totals = device.scratch().get(TOTALS[level], segments * tileCount * elementBytes);
        device.launch(tiles, new long[] {segments * tileCount, 1, 1}, threads, 0,
                new Object[] {in, out, totals, n, inclusiveLevel ? 1 : 0});
        if (tileCount > 1) {
            scan(totals, totals, segments, tileCount, true, level + 1);
            device.launch(addOffsets, new long[] {segments * (tileCount - 1), 1, 1}, threads, 0,
                    new Object[] {out, totals, n});
        }
    }
}
