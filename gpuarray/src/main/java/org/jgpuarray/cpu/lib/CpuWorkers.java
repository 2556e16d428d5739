package org.jgpuarray.cpu.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;

/**
 * The threads all CPU backend work runs on, its kernels and its libraries alike: one pool of daemon
 * threads, one per core. Callers choose how many chunks their work splits into (a single chunk runs on
 * the calling thread); this class only runs them. Public for {@code org.jgpuarray.cpu}, not API.
 *
 * <p>Thread-safe.
 */
public final class CpuWorkers {
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final ForkJoinPool POOL = new ForkJoinPool(PARALLELISM);

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
     * waits for all of them. One chunk (or one core) runs on the calling thread.
     *
     * @param chunks how many times to call {@code task}
     * @param task   called with each chunk index; must be safe to call from several threads at once
     * @throws RuntimeException the first exception a chunk threw, unwrapped
     */
    public static void run(int chunks, IntConsumer task) {
        if (chunks <= 1 || PARALLELISM == 1) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
            return;
        }
        List<Callable<Void>> calls = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            calls.add(() -> {
                task.accept(chunk);
                return null;
            });
        }
        for (Future<Void> f : POOL.invokeAll(calls)) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw unwrap(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while CPU backend work ran", e);
            }
        }
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

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
