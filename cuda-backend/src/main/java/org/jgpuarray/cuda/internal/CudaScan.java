package org.jgpuarray.cuda.internal;

import org.jgpuarray.kernels.c.KernelLayout;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A generated tiled scan: {@code tiles(in, out, totals, n, inclusive)} with one block per tile; with
 * more than one tile the tile totals are scanned inclusively in place (recursively, one scratch slot
 * per level) and {@code add_offsets(out, totals, n)} with one block per tile after the first finishes.
 */
final class CudaScan implements CompiledScan {
    private final CudaDevice device;
    private final CudaKernel tiles;
    private final CudaKernel addOffsets;
    private final int elementBytes;
    private final boolean inclusive;

    CudaScan(CudaDevice device, CudaKernel tiles, CudaKernel addOffsets, int elementBytes, boolean inclusive) {
        this.device = device;
        this.tiles = tiles;
        this.addOffsets = addOffsets;
        this.elementBytes = elementBytes;
        this.inclusive = inclusive;
    }

    @Override
    public void launch(long n, DeviceBuffer in, DeviceBuffer out) {
        if (n <= 0) {
            return;
        }
        CudaBuffer input = device.memory().own(in, "input");
        CudaBuffer output = device.memory().own(out, "output");
        input.at(0, n * elementBytes);
        output.at(0, n * elementBytes);
        device.context().enter();
        scan(input, output, n, inclusive, 0);
    }

    private void scan(CudaBuffer in, CudaBuffer out, long n, boolean inclusiveScan, int level) {
        long tileCount = LaunchGeometry.scanTiles(n);
        CudaBuffer totals = device.scratch().get("scan-totals-" + level, tileCount * elementBytes);
        tiles.launch(tileCount, KernelLayout.BLOCK, KernelParams.of(device.memory(), tiles.name(),
                new Object[] {in, out, totals, n, inclusiveScan ? 1 : 0}));
        if (tileCount > 1) {
            scan(totals, totals, tileCount, true, level + 1);
            addOffsets.launch(tileCount - 1, KernelLayout.BLOCK, KernelParams.of(device.memory(), addOffsets.name(),
                    new Object[] {out, totals, n}));
        }
    }
}
