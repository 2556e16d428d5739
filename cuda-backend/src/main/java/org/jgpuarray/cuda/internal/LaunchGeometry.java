package org.jgpuarray.cuda.internal;

import org.jgpuarray.kernels.c.KernelLayout;

/**
 * How many blocks the generated kernels are launched with on a device of {@code multiprocessors} SMs.
 * Elementwise kernels loop grid-stride, so a grid of a few waves suffices however long the array;
 * reductions use about one resident wave of blocks for the first stage, then one block.
 *
 * @param multiprocessors streaming multiprocessors of the device
 */
public record LaunchGeometry(int multiprocessors) {
    /** Blocks per SM of an elementwise launch at most (grid-stride covers the rest). */
    public static final int ELEMENTWISE_BLOCKS_PER_SM = 32;
    /** Blocks per SM of a reduction's first stage at most. */
    public static final int REDUCTION_BLOCKS_PER_SM = 8;

    public LaunchGeometry {
        multiprocessors = Math.max(1, multiprocessors);
    }

    /** Blocks of {@code threads} threads for an elementwise kernel over {@code n > 0} elements. */
    public long elementwiseBlocks(long n, int threads) {
        return Math.max(1, Math.min(ceilDiv(n, threads), (long) multiprocessors * ELEMENTWISE_BLOCKS_PER_SM));
    }

    /** Blocks of a reduction's first stage over {@code n} elements; 1 when n is 0. */
    public long reductionBlocks(long n) {
        return Math.max(1, Math.min(ceilDiv(n, KernelLayout.BLOCK), (long) multiprocessors * REDUCTION_BLOCKS_PER_SM));
    }

    /** Tiles (and blocks) of a scan's tile pass over {@code n} elements. */
    public static long scanTiles(long n) {
        return Math.max(1, ceilDiv(n, KernelLayout.SCAN_TILE));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
