package org.jgpuarray.cpu.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The threads the CPU library implementations run on: one pool of daemon threads, one per core.
 */
final class CpuWorkers {
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final ForkJoinPool POOL = new ForkJoinPool(PARALLELISM);

    private CpuWorkers() {
    }

    /** Threads available. */
    static int parallelism() {
        return PARALLELISM;
    }

    /**
     * Runs {@code task} for chunks {@code 0 .. chunks - 1}, in parallel when there is more than one, and
     * waits for all of them.
     *
     * @throws RuntimeException the first exception a chunk threw, unwrapped
     */
    static void run(int chunks, IntConsumer task) {
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
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a CPU library call ran", e);
            }
        }
    }

    /** Chunks for {@code n} items of which each chunk should hold at least {@code minimum}. */
    static int chunks(long n, long minimum) {
        return (int) Math.max(1, Math.min(4L * PARALLELISM, n / Math.max(1, minimum)));
    }
}
