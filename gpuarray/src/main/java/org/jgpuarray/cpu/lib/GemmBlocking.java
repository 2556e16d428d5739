package org.jgpuarray.cpu.lib;

/**
 * Cache blocking and the split of a GEMM across cores, shared by {@link DoubleGemm} and its twins
 * {@link FloatGemm}, {@link LongGemm} and {@link IntGemm}. Products of fewer than
 * {@link #PARALLEL_FLOPS} multiply-adds run on the caller's thread.
 */
final class GemmBlocking {
    /** Depth of a packed panel. */
    static final int KC = 128;
    /** Columns of a packed panel of op(B). */
    static final int NC = 512;
    /** Rows of a packed block of op(A). */
    static final int MC = 64;
    /** Below this many multiply-adds a GEMM stays on one thread. */
    static final long PARALLEL_FLOPS = 1L << 18;

    private GemmBlocking() {
    }

    /** A rectangle of C one thread computes. */
    @FunctionalInterface
    interface TileTask {
        void run(int rowFrom, int rowTo, int colFrom, int colTo);
    }

    /**
     * Splits C (m x n) into one tile per worker, along rows when there are enough of them (multiples
     * of 4, the micro-kernel's height), else along columns, and runs the tiles in parallel; with
     * {@code parallel} false, C is one tile computed on the caller's thread.
     */
    static void forEachTile(int m, int n, int k, boolean parallel, TileTask task) {
        long work = (long) m * n * Math.max(k, 1);
        int workers = !parallel || work < PARALLEL_FLOPS ? 1 : CpuWorkers.parallelism();
        if (workers == 1) {
            task.run(0, m, 0, n);
            return;
        }
        boolean byRows = m >= 4L * workers * 4 || m >= n;
        int extent = byRows ? m : n;
        int quantum = byRows ? 4 : 16;
        int chunks = Math.max(1, Math.min(workers * 4, (extent + quantum - 1) / quantum));
        CpuWorkers.run(chunks, chunk -> {
            int from = split(extent, chunks, chunk, quantum);
            int to = split(extent, chunks, chunk + 1, quantum);
            if (from < to) {
                if (byRows) {
                    task.run(from, to, 0, n);
                } else {
                    task.run(0, m, from, to);
                }
            }
        });
    }

    /** Boundary {@code chunk} of {@code chunks} over {@code extent}, rounded to a multiple of quantum. */
    private static int split(int extent, int chunks, int chunk, int quantum) {
        if (chunk >= chunks) {
            return extent;
        }
        long raw = (long) extent * chunk / chunks;
        return (int) Math.min(extent, raw / quantum * quantum);
    }
}
