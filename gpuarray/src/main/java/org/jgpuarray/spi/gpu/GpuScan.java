package org.jgpuarray.spi.gpu;

import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated tiled scan: {@code tiles(in, out, totals, n, inclusive)} with one block per tile of
 * {@code block * items} elements writes each tile's total; with more than one tile the totals are scanned
 * inclusively in place (recursively, one scratch slot per level) and {@code add_offsets(out, totals, n)}
 * with one block per tile after the first completes the scan.
 */
final class GpuScan implements CompiledScan {
    private final GpuDevice device;
    private final GpuKernel tiles;
    private final GpuKernel addOffsets;
    private final boolean inclusive;
    private final int elementBytes;
    private final int block;
    private final int items;

    GpuScan(GpuDevice device, GpuKernel tiles, GpuKernel addOffsets, boolean inclusive, int elementBytes, int block,
            int items) {
        this.device = device;
        this.tiles = tiles;
        this.addOffsets = addOffsets;
        this.inclusive = inclusive;
        this.elementBytes = elementBytes;
        this.block = block;
        this.items = items;
    }

    @Override
    public void launch(long n, DeviceBuffer in, DeviceBuffer out) {
        if (n > 0) {
            device.run(() -> scan(in, out, n, inclusive, 0));
        }
    }

    private void scan(DeviceBuffer in, DeviceBuffer out, long n, boolean inclusiveLevel, int level) {
        long tileCount = LaunchGeometry.ceilDiv(n, (long) block * items);
        DeviceBuffer totals = device.scratch().get("scan-totals-" + level, tileCount * elementBytes);
        long[] threads = {block, 1, 1};
        device.launch(tiles, new long[] {tileCount, 1, 1}, threads, 0,
                new Object[] {in, out, totals, n, inclusiveLevel ? 1 : 0});
        if (tileCount > 1) {
            scan(totals, totals, tileCount, true, level + 1);
            device.launch(addOffsets, new long[] {tileCount - 1, 1, 1}, threads, 0, new Object[] {out, totals, n});
        }
    }
}
