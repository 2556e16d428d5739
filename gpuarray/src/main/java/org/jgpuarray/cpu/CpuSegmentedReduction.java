package org.jgpuarray.cpu;

import java.lang.reflect.Array;
import java.util.List;
import org.jgpuarray.kernels.java.JavaSegmentedReductionKernel;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A segmented reduction on the CPU. Outputs whose elements lie together in memory ({@code reduceAlong}, as in a
 * reduction over the last axis of a matrix) are split into ranges of outputs by the bytes they read, as
 * {@link ParallelRanges#split(long, long)} splits a full reduction. Outputs that lie together instead
 * ({@code reduceAcross}, tiles of neighbouring outputs one inner position at a time, as in a reduction over the
 * first axis) are split by their inner positions when the partial results are few enough to keep
 * ({@link RowSplit}): each chunk reads its rows of the matrix in memory order into partial results of every output,
 * which are then combined pairwise in chunk order. Outputs too few to occupy the threads have their inner
 * positions split among them instead, and the partial results combined in order. Chunk boundaries depend on the
 * sizes alone, so results do not depend on the machine or on timing.
 */
final class CpuSegmentedReduction implements CompiledReduction {
    private final String name;
    private final JavaSegmentedReductionKernel kernel;
    private final long bytesPerElement;

    /**
     * @param bytesPerElement the bytes one inner position of one output reads (its arrays' elements)
     */
    CpuSegmentedReduction(String name, JavaSegmentedReductionKernel kernel, long bytesPerElement) {
        this.name = name;
        this.kernel = kernel;
        this.bytesPerElement = bytesPerElement;
    }

    @Override
    public void launch(long n, Object[] args, DeviceBuffer result) {
        throw new IllegalStateException("reduction '" + name + "' is segmented; launch it with outer and inner counts");
    }

    @Override
    public void launch(long outer, long inner, boolean segmentsContiguous, Object[] args, DeviceBuffer out) {
        if (outer <= 0) {
            return;
        }
        Object[] arrays = CpuDevice.unwrap(args);
        Object result = ((CpuBuffer) out).array();
        CpuDevice.run(name, () -> {
            int workers = ParallelRanges.parallelism();
            long total = outer * Math.max(inner, 1);
            if (segmentsContiguous && outer >= workers) {
                return along(outer, inner, arrays, result);
            }
            if (!segmentsContiguous) {
                long[] rows = RowSplit.bounds(outer, inner, bytesPerElement);
                if (rows.length > 2) {
                    RowSplit.reduce(kernel, rows, outer, inner, arrays, result, bytesPerElement);
                    return result;
                }
            }
            if (outer >= workers || total < 2 * ParallelRanges.MIN_CHUNK) {
                return byOutputs(outer, inner, segmentsContiguous, arrays, result, total);
            }
            for (long o = 0; o < outer; o++) {
                Array.set(result, (int) o, splitOutput(o, inner, arrays));
            }
            return result;
        });
    }

    /** Ranges of whole segments that lie together in memory, split by the bytes they read. */
    private Object along(long outer, long inner, Object[] arrays, Object result) {
        long[] bounds = ParallelRanges.split(outer, Math.max(inner, 1) * bytesPerElement);
        if (bounds.length == 2) {
            kernel.reduceAlong(arrays, inner, 0, outer, result);
            return result;
        }
        return ParallelRanges.map(bounds, (chunk, from, to) -> {
            kernel.reduceAlong(arrays, inner, from, to, result);
            return chunk;
        });
    }

    /** Splits the outputs into one range per worker (at least {@link ParallelRanges#MIN_CHUNK} elements each). */
    private Object byOutputs(long outer, long inner, boolean segmentsContiguous, Object[] arrays, Object result,
                             long total) {
        int chunks = (int) Math.max(1, Math.min(Math.min(ParallelRanges.parallelism(), outer),
                total / ParallelRanges.MIN_CHUNK));
        return ParallelRanges.map(ParallelRanges.equalParts(outer, chunks), (chunk, from, to) -> {
            if (segmentsContiguous) {
                kernel.reduceAlong(arrays, inner, from, to, result);
            } else {
                kernel.reduceAcross(arrays, inner, from, to, result);
            }
            return chunk;
        });
    }

    /** One output's inner positions split among the workers, the partials combined in order. */
    private Object splitOutput(long o, long inner, Object[] arrays) {
        List<Object> partials = ParallelRanges.map(ParallelRanges.split(inner),
                (chunk, from, to) -> kernel.reducePart(arrays, inner, o, from, to));
        Object total = kernel.neutral();
        for (Object partial : partials) {
            total = kernel.combine(total, partial);
        }
        return total;
    }
}
