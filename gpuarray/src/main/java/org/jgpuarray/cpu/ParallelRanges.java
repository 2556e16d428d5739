package org.jgpuarray.cpu;

import java.util.Arrays;
import java.util.List;
import org.jgpuarray.cpu.lib.CpuWorkers;
import org.jgpuarray.cpu.lib.WorkerPool;
import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.java.JavaReductionKernel;

/**
 * Splits a kernel's index range into chunks and runs them on the backend's one pool, {@link CpuWorkers}.
 * Elementwise kernels and reductions split by the bytes they touch ({@link #split(long, long)}): calls
 * under {@link #PARALLEL_BYTES} run on the caller's thread, larger ones in chunks of about
 * {@link #CHUNK_BYTES}, boundaries that depend on the size alone, never on the core count or on timing, so
 * a reduction combines the same partial results on every machine and in every run. Scans and segmented
 * reductions split into one chunk per core ({@link #split(long)}), ranges under twice {@link #MIN_CHUNK}
 * on the caller's thread.
 */
final class ParallelRanges {
    /**
     * Calls that touch fewer bytes run on the calling thread. Measured on a 2-core EPYC VM under load 7 to 15
     * (jgpuarray bench --handoff, docs/cpu-handoff.md): one thread streams 4 MiB in about 40 us; split, the
     * same call took 50 to 100 us at the median, a woken helper often starting late or being preempted
     * holding a chunk, while 2^20 float32 axpy (12 MiB) took 82 us split against 137 us inline in the
     * samples where both threads ran.
     */
    static final long PARALLEL_BYTES = 4L << 20;
    /**
     * Bytes a chunk touches, about: small enough that a helper that wakes late still finds chunks left (the
     * caller takes them meanwhile), large enough that claiming one costs nothing next to its work.
     */
    static final long CHUNK_BYTES = 1L << 18;
    /** Chunks a call splits into at most. */
    static final int MAX_CHUNKS = 64;
    /**
     * Below this many elements per chunk, fewer chunks are used. Handing a chunk to another thread
     * costs about as much as a thread's work on 2^16 floats (measured: 2^16 elements took 28 us split
     * in two, about 17 us on one thread; 2^18 took 51 us split, 68 us on one).
     */
    static final long MIN_CHUNK = 1 << 16;

    private ParallelRanges() {
    }

    /**
     * Chunk boundaries for {@code n} elements of which each touches {@code bytesPerElement} bytes:
     * {@code bounds[k]} to {@code bounds[k + 1]}, equal parts within one element, covering {@code [0, n)}.
     * One chunk under {@link #PARALLEL_BYTES}, else about {@link #CHUNK_BYTES} each, at least 2 and at most
     * {@link #MAX_CHUNKS}.
     *
     * @param n               elements, at least 0
     * @param bytesPerElement bytes an element reads and writes; values below 1 count as 1
     */
    static long[] split(long n, long bytesPerElement) {
        long bytes = n * Math.max(1, bytesPerElement);
        int chunks = oneChunk(n, bytesPerElement) ? 1
                : (int) Math.min(Math.min(MAX_CHUNKS, n), Math.max(2, bytes / CHUNK_BYTES));
        return equalParts(n, chunks);
    }

    /**
     * Boundaries of {@code chunks} parts of {@code [0, n)} that differ by at most one element: part {@code k} is
     * {@code bounds[k]} to {@code bounds[k + 1]}.
     */
    static long[] equalParts(long n, int chunks) {
        long[] bounds = new long[chunks + 1];
        for (int k = 0; k <= chunks; k++) {
            bounds[k] = n * k / chunks;
        }
        return bounds;
    }

    /**
     * True when {@link #split(long, long)} makes one chunk of {@code n} elements: the call runs on the caller's
     * thread, and can without asking for the bounds.
     */
    static boolean oneChunk(long n, long bytesPerElement) {
        return n < 2 || n * Math.max(1, bytesPerElement) < PARALLEL_BYTES;
    }

    /** The bytes one element of a call touches: one element of each array argument. */
    static long bytesPerElement(ArgumentList arguments) {
        long bytes = 0;
        for (Argument a : arguments.arguments()) {
            if (a.array()) {
                bytes += a.type().byteSize();
            }
        }
        return Math.max(1, bytes);
    }

    /**
     * Reduces {@code [0, n)} chunk by chunk on {@code pool} and combines the partial results in chunk order,
     * starting from the kernel's neutral value: the result depends on the bounds alone, not on which thread
     * ran which chunk.
     *
     * @param bounds chunk boundaries as {@link #split(long, long)} makes them for a size that is not
     *               {@link #oneChunk} (that one goes to {@link #reduceHere}); not modified
     * @param args   the kernel's arguments; not modified
     */
    static Object reduce(WorkerPool pool, long[] bounds, JavaReductionKernel kernel, Object[] args, long n) {
        Object total = kernel.neutral();
        Object[] partials = new Object[bounds.length - 1];
        pool.run(partials.length, k -> partials[k] = kernel.reduceRange(args, n, bounds[k], bounds[k + 1]));
        for (Object partial : partials) {
            total = kernel.combine(total, partial);
        }
        return total;
    }

    /**
     * Reduces {@code [0, n)} as one chunk on the calling thread, as {@link #reduce} does with the bounds
     * {@code {0, n}}: the kernel's neutral value combined with the chunk's result.
     *
     * @param args the kernel's arguments; not modified
     */
    static Object reduceHere(JavaReductionKernel kernel, Object[] args, long n) {
        Object total = kernel.neutral();
        return n == 0 ? total : kernel.combine(total, kernel.reduceRange(args, n, 0, n));
    }

    /** Chunk boundaries for {@code n} elements, one chunk per core: {@code bounds[k]} to {@code bounds[k + 1]}. */
    static long[] split(long n) {
        int chunks = (int) Math.max(1, Math.min(parallelism(), n / MIN_CHUNK));
        return equalParts(n, chunks);
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
        return map(CpuWorkers.pool(), bounds, task);
    }

    /** {@link #map(long[], ChunkTask)} on {@code pool}. */
    static <T> List<T> map(WorkerPool pool, long[] bounds, ChunkTask<T> task) {
        Object[] results = new Object[bounds.length - 1];
        pool.run(results.length, k -> results[k] = task.run(k, bounds[k], bounds[k + 1]));
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
