package org.jgpuarray.cpu;

import java.lang.reflect.Array;
import java.util.List;
import org.jgpuarray.kernels.java.JavaSegmentedReductionKernel;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A segmented reduction on the CPU. Many outputs are split among the worker threads, each thread reducing its
 * outputs one after another ({@code reduceAlong}, for segments that lie together in memory) or in tiles of
 * neighbouring outputs ({@code reduceAcross}, for outputs that lie together, as in a reduction over the first
 * axis of a matrix). Outputs too few to occupy the threads have their inner positions split among them instead,
 * and the partial results combined in order.
 */
final class CpuSegmentedReduction implements CompiledReduction {
    private final String name;
    private final JavaSegmentedReductionKernel kernel;

    CpuSegmentedReduction(String name, JavaSegmentedReductionKernel kernel) {
        this.name = name;
        this.kernel = kernel;
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
            if (outer >= workers || total < 2 * ParallelRanges.MIN_CHUNK) {
                return byOutputs(outer, inner, segmentsContiguous, arrays, result, total);
            }
            for (long o = 0; o < outer; o++) {
                Array.set(result, (int) o, splitOutput(o, inner, arrays));
            }
            return result;
        });
    }

    /** Splits the outputs into one range per worker (at least {@link ParallelRanges#MIN_CHUNK} elements each). */
    private Object byOutputs(long outer, long inner, boolean segmentsContiguous, Object[] arrays, Object result,
                             long total) {
        int chunks = (int) Math.max(1, Math.min(Math.min(ParallelRanges.parallelism(), outer),
                total / ParallelRanges.MIN_CHUNK));
        long[] bounds = new long[chunks + 1];
        for (int k = 0; k <= chunks; k++) {
            bounds[k] = outer * k / chunks;
        }
        return ParallelRanges.map(bounds, (chunk, from, to) -> {
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
