package org.jgpuarray.opencl.internal;

import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated tiled scan: {@code _tiles} scans each tile of {@code JGA_BLOCK * JGA_ITEMS} elements (both as
 * built) with
 * one work-group and writes the tile totals; when there is more than one tile, the totals are scanned
 * inclusively in place (recursively) and {@code _add_offsets} folds them into every tile after the first.
 */
final class ClScan implements CompiledScan {
    private final ClKernel tiles;
    private final ClKernel addOffsets;
    private final boolean inclusive;
    private final int elementBytes;
    private final ClMemory memory;
    private final ClQueue queue;
    private final int block;
    private final int items;

    ClScan(ClKernel tiles, ClKernel addOffsets, boolean inclusive, int elementBytes, ClMemory memory, ClQueue queue,
           int block, int items) {
        this.tiles = tiles;
        this.addOffsets = addOffsets;
        this.inclusive = inclusive;
        this.elementBytes = elementBytes;
        this.memory = memory;
        this.queue = queue;
        this.block = block;
        this.items = items;
    }

    @Override
    public void launch(long n, DeviceBuffer in, DeviceBuffer out) {
        if (n > 0) {
            scan(in, out, n, inclusive);
        }
    }

    private void scan(DeviceBuffer in, DeviceBuffer out, long n, boolean inclusiveLevel) {
        long tileCount = LaunchGeometry.ceilDiv(n, (long) block * items);
        ClBuffer totals = memory.allocate(tileCount * elementBytes);
        try {
            tiles.setBuffer(0, in);
            tiles.setBuffer(1, out);
            tiles.setBuffer(2, totals);
            tiles.setLong(3, n);
            tiles.setScalar(4, inclusiveLevel ? 1 : 0, org.jgpuarray.kernels.ScalarType.INT32);
            queue.run(tiles.handle(), tiles.name(), new long[] {tileCount * block}, new long[] {block});
            if (tileCount > 1) {
                scan(totals, totals, tileCount, true);
                addOffsets.setBuffer(0, out);
                addOffsets.setBuffer(1, totals);
                addOffsets.setLong(2, n);
                queue.run(addOffsets.handle(), addOffsets.name(), new long[] {(tileCount - 1) * block},
                        new long[] {block});
            }
        } finally {
            totals.release();
        }
    }
}
