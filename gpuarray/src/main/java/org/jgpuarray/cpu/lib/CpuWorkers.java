package org.jgpuarray.cpu.lib;

import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;

/**
 * The threads all CPU backend work runs on, its kernels and its libraries alike: one {@link WorkerPool} of
 * daemon helper threads, one per core but the caller's, which takes chunks itself. Callers choose how many
 * chunks their work splits into (a single chunk runs on the calling thread); this class only runs them.
 * Public for {@code org.jgpuarray.cpu}, not API.
 *
 * <p>Thread-safe.
 */
public final class CpuWorkers {
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final WorkerPool POOL = new WorkerPool(PARALLELISM - 1, "jgpuarray-cpu");

    private CpuWorkers() {
    }

    /**
     * Threads available.
     *
     * @return the number of cores the pool has threads for
     */
    public static int parallelism() {
        return PARALLELISM;
    }

    /**
     * Runs {@code task} for chunks {@code 0 .. chunks - 1}, in parallel when there is more than one, and
     * waits for all of them; see {@link WorkerPool#run}. One chunk (or one core) runs on the calling thread.
     *
     * @param chunks how many times to call {@code task}
     * @param task   called with each chunk index; must be safe to call from several threads at once
     * @throws RuntimeException the first exception a chunk threw, unwrapped
     */
    public static void run(int chunks, IntConsumer task) {
        POOL.run(chunks, task);
    }

    /**
     * The pool itself, for callers that pass it on.
     *
     * @return the backend's one pool: {@link #parallelism()} - 1 helper threads and each caller
     */
    public static WorkerPool pool() {
        return POOL;
    }

    /**
     * Runs {@code chunkSum} for every chunk as {@link #run} does and returns the sum of the results, added
     * in chunk order, so that the result does not depend on which thread finished first.
     */
    static double sum(int chunks, IntToDoubleFunction chunkSum) {
        double total = 0;
        for (double p : partials(chunks, chunkSum)) {
            total += p;
        }
        return total;
    }

    /**
     * Runs {@code chunkMax} for every chunk as {@link #run} does and returns the largest result, at least 0
     * (NaN where a result is NaN).
     */
    static double max(int chunks, IntToDoubleFunction chunkMax) {
        double max = 0;
        for (double p : partials(chunks, chunkMax)) {
            max = Math.max(max, p);
        }
        return max;
    }

    private static double[] partials(int chunks, IntToDoubleFunction task) {
        double[] partial = new double[chunks];
        run(chunks, ch -> partial[ch] = task.applyAsDouble(ch));
        return partial;
    }

    /** Chunks for {@code n} items of which each chunk should hold at least {@code minimum}. */
    static int chunks(long n, long minimum) {
        return (int) Math.max(1, Math.min(4L * PARALLELISM, n / Math.max(1, minimum)));
    }

    /** Boundary {@code chunk} of {@code chunks} equal parts of {@code n}. */
    static int split(int n, int chunks, int chunk) {
        return (int) ((long) n * chunk / chunks);
    }
}
