package org.jgpuarray.cpu;

import java.lang.reflect.Array;
import org.jgpuarray.cpu.lib.CpuWorkers;
import org.jgpuarray.kernels.java.JavaSegmentedReductionKernel;

/**
 * A segmented reduction whose neighbouring outputs lie together in memory (a reduction over the first axis of a
 * matrix), split by inner positions: chunk {@code k} reduces its rows into partial results of every output
 * ({@link JavaSegmentedReductionKernel#reduceAcross(Object[], long, long, long, long, long, Object)}), reading
 * the rows in memory order, and the partials are combined pairwise in chunk order (the first chunk's in the
 * result itself). Chunks follow {@link ParallelRanges#split(long, long)}, at most {@link #MAX_CHUNKS}, so the
 * result depends on the sizes alone; the partials of all chunks but the first are at most
 * {@link #PARTIAL_ELEMENTS} elements.
 */
final class RowSplit {
    /**
     * Chunks at most: on the loaded 2-core development machine 64 chunks of 1 MiB (a full reduction's split) took
     * 2-3x longer at the median than 8 for a 4096 x 4096 float32 matrix, in phases of many calls (the cause not
     * isolated: each chunk allocates its partials and scratch anew, and more chunks give a preempted helper more
     * occasions to hold one up); 2 and 4 chunks were no faster than 8.
     */
    static final int MAX_CHUNKS = 8;
    /** Partial results kept at most, all chunks together (16 MiB of float32). */
    static final long PARTIAL_ELEMENTS = 1L << 22;

    private RowSplit() {
    }

    /**
     * Chunk boundaries over the {@code inner} positions of {@code outer} outputs, {@code bytesPerElement} read
     * for each element: one chunk (no split) when the call is small, has too many outputs for the partials, or
     * fewer than two inner positions.
     */
    static long[] bounds(long outer, long inner, long bytesPerElement) {
        if (inner < 2) {
            return new long[] {0, Math.max(inner, 0)};
        }
        long[] bounds = ParallelRanges.split(inner, outer * Math.max(1, bytesPerElement));
        int chunks = bounds.length - 1;
        int kept = (int) Math.min(Math.min(chunks, MAX_CHUNKS), 1 + PARTIAL_ELEMENTS / outer);
        if (kept == chunks) {
            return bounds;
        }
        return ParallelRanges.equalParts(inner, kept);
    }

    /**
     * Reduces every output over all {@code inner} positions into {@code result} (modified at {@code [0, outer)}),
     * chunk by chunk of {@code bounds} on the backend's pool.
     *
     * @param arrays          the kernel's arguments; not modified
     * @param bytesPerElement the bytes of one partial result, about
     */
    static void reduce(JavaSegmentedReductionKernel kernel, long[] bounds, long outer, long inner, Object[] arrays,
                       Object result, long bytesPerElement) {
        int chunks = bounds.length - 1;
        Object[] partials = new Object[chunks];
        partials[0] = result;
        Class<?> type = result.getClass().getComponentType();
        for (int k = 1; k < chunks; k++) {
            partials[k] = Array.newInstance(type, (int) outer);
        }
        CpuWorkers.pool().run(chunks,
                k -> kernel.reduceAcross(arrays, inner, 0, outer, bounds[k], bounds[k + 1], partials[k]));
        long[] outputs = ParallelRanges.split(outer, chunks * Math.max(1, bytesPerElement));
        CpuWorkers.pool().run(outputs.length - 1, band -> combine(kernel, partials, outputs[band], outputs[band + 1]));
    }

    /** Combines the partials of outputs {@code [from, to)} pairwise, in order, into {@code partials[0]}. */
    private static void combine(JavaSegmentedReductionKernel kernel, Object[] partials, long from, long to) {
        for (int step = 1; step < partials.length; step *= 2) {
            for (int k = 0; k + step < partials.length; k += 2 * step) {
                kernel.combineInto(partials[k], partials[k + step], from, to);
            }
        }
    }
}
