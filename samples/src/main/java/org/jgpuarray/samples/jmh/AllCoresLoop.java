package org.jgpuarray.samples.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The hand-written multi-threaded Java loop the CPU backend is measured against: one contiguous slice
 * of the index range per core, run on a fixed pool of daemon threads, results returned in slice order.
 * Close it to stop the threads. Thread-safe.
 */
public final class AllCoresLoop implements AutoCloseable {
    /** The body of one slice, {@code [from, to)}. */
    @FunctionalInterface
    public interface Slice<T> {
        /** Computes one slice and returns its partial result (or null). */
        T run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** A pool with one thread per available processor. */
    public AllCoresLoop() {
        this.threads = Runtime.getRuntime().availableProcessors();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "all-cores-loop");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into one slice per thread and waits for all.
     *
     * @return each slice's result, in slice order
     */
    public <T> List<T> run(int n, Slice<T> body) {
        List<Callable<T>> calls = new ArrayList<>(threads);
        for (int k = 0; k < threads; k++) {
            int from = (int) ((long) n * k / threads);
            int to = (int) ((long) n * (k + 1) / threads);
            calls.add(() -> body.run(from, to));
        }
        try {
            List<T> results = new ArrayList<>(threads);
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
