package org.jgpuarray.spi.gpu;

import java.util.Arrays;

/**
 * What one launch may ask of a device.
 *
 * @param maxGrid           most blocks per dimension (x, y, z)
 * @param maxBlock          most threads per block per dimension (x, y, z)
 * @param maxThreadsPerBlock most threads in one block
 * @param maxSharedBytes    most dynamic shared (CUDA) or local (OpenCL) memory per block
 * @param sharedOptInBytes  above this many dynamic shared bytes a kernel must opt in (CUDA's 48 KiB); equal to
 *                          {@code maxSharedBytes} where there is no opt-in
 */
public record LaunchLimits(long[] maxGrid, long[] maxBlock, long maxThreadsPerBlock, long maxSharedBytes,
                           long sharedOptInBytes) {
    public LaunchLimits {
        if (maxGrid.length != 3 || maxBlock.length != 3) {
            throw new IllegalArgumentException("limits need three dimensions");
        }
        maxGrid = maxGrid.clone();
        maxBlock = maxBlock.clone();
    }

    @Override
    public long[] maxGrid() {
        return maxGrid.clone();
    }

    @Override
    public long[] maxBlock() {
        return maxBlock.clone();
    }

    /**
     * Checks a launch against the limits.
     *
     * @param kernel      the kernel's name, for the message
     * @param grid        three entries
     * @param block       three entries
     * @param sharedBytes the launch's dynamic shared memory
     * @param k           the kernel: its {@link GpuKernel#maxBlockSize()} and {@link GpuKernel#staticSharedBytes()}
     * @throws IllegalArgumentException naming the size that does not fit and the limit
     */
    public void check(String kernel, long[] grid, long[] block, long sharedBytes, GpuKernel k) {
        long threads = 1;
        for (int d = 0; d < 3; d++) {
            if (grid[d] < 1 || grid[d] > maxGrid[d]) {
                throw new IllegalArgumentException("kernel '" + kernel + "': grid " + Arrays.toString(grid)
                        + " is outside the device's limits " + Arrays.toString(maxGrid) + " in dimension " + "xyz".charAt(d));
            }
            if (block[d] < 1 || block[d] > maxBlock[d]) {
                throw new IllegalArgumentException("kernel '" + kernel + "': block " + Arrays.toString(block)
                        + " is outside the device's limits " + Arrays.toString(maxBlock) + " in dimension " + "xyz".charAt(d));
            }
            threads *= block[d];
        }
        long most = Math.min(maxThreadsPerBlock, k.maxBlockSize());
        if (threads > most) {
            throw new IllegalArgumentException("kernel '" + kernel + "' can run at most " + most
                    + " threads per block on this device, asked for " + threads + " (block " + Arrays.toString(block) + ")");
        }
        long fixed = k.staticSharedBytes();
        if (sharedBytes < 0 || sharedBytes + fixed > maxSharedBytes) {
            throw new IllegalArgumentException("kernel '" + kernel + "': " + sharedBytes
                    + " bytes of dynamic shared memory per block" + (fixed > 0 ? " beside its " + fixed + " static ones" : "")
                    + ", the device allows at most " + maxSharedBytes + " in all");
        }
    }
}
