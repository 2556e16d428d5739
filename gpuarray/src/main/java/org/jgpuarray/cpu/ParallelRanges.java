package org.jgpuarray.cpu;

import java.util.Arrays;
import java.util.List;
import org.jgpuarray.cpu.lib.CpuWorkers;

/**
 * Splits a kernel's index range into one chunk per core and runs the chunks on the backend's one pool,
 * {@link CpuWorkers}. Ranges under twice {@link #MIN_CHUNK} (2^17 elements) run on the caller's thread,
 * where threads would cost more than they save.
 */
final class ParallelRanges {
    /**
     * Below this many elements per chunk, fewer chunks are used. Handing a chunk to another thread
     * costs about as much as a thread's work on 2^16 floats (measured: 2^16 elements took 28 us split
     * in two, about 17 us on one thread; 2^18 took 51 us split, 68 us on one).
     */
    static final long MIN_CHUNK = 1 << 16;

    private ParallelRanges() {
    }

    /** Chunk boundaries for {@code n} elements: {@code bounds[k]} to {@code bounds[k + 1]}. */
    static long[] split(long n) {
        int chunks = (int) Math.max(1, Math.min(parallelism(), n / MIN_CHUNK));
        long[] bounds = new long[chunks + 1];
        for (int k = 0; k <= chunks; k++) {
            bounds[k] = n * k / chunks;
        }
        return bounds;
    }

    /** The number of threads chunks run on. */
    static int parallelism() {
        return CpuWorkers.parallelism();
    }

    /**
     * Runs {@code task} on every chunk and returns each chunk's result in order.
     *
     * @throws RuntimeException the first exception a chunk threw, unwrapped
     */
    static <T> List<T> map(long[] bounds, ChunkTask<T> task) {
        Object[] results = new Object[bounds.length - 1];
        CpuWorkers.run(results.length, k -> results[k] = task.run(k, bounds[k], bounds[k + 1]));
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    /** Work on one chunk. */
    @FunctionalInterface
    interface ChunkTask<T> {
        T run(int chunk, long from, long to);
    }
}
