package org.jgpuarray;

import org.jgpuarray.spi.HostArray;

/**
 * NumPy's {@code unique} on the flattened array, built on the sort: sort, flag the first element of each run
 * of equal values ({@link SortSpecs#runStarts}), scan the flags into output positions, compact the runs'
 * first elements and start indices, and take run lengths as counts. One int64 comes to the host: how many
 * values there are. NaNs are one value (NumPy's {@code equal_nan=True}); of -0.0 and 0.0 the first in input
 * order stands for both.
 */
final class Uniques {
    private Uniques() {
    }

    /** The sorted distinct values, 1-D. */
    static GPUArray unique(GPUArray a) {
        Runs runs = runs(a);
        runs.starts().close();
        return runs.values();
    }

    /** The sorted distinct values and their counts. */
    static UniqueCounts uniqueCounts(GPUArray a) {
        Runs runs = runs(a);
        GpuContext ctx = a.context();
        long m = runs.values().size();
        GPUArray counts = null;
        try (GPUArray starts = runs.starts()) {
            counts = ctx.empty(DType.INT64, m);
            if (m > 0) {
                ctx.compiled(SortSpecs.runLengths()).launch(m, new Object[] {counts.buffer(), starts.buffer(), a.size()});
            }
            return new UniqueCounts(runs.values(), counts);
        } catch (RuntimeException | Error e) {
            runs.values().close();
            if (counts != null) {
                counts.close();
            }
            throw e;
        }
    }

    /** The distinct values and the index in the sorted array where each run starts. */
    private record Runs(GPUArray values, GPUArray starts) {
    }

    private static Runs runs(GPUArray a) {
        Sorting.requireSortable("unique", a);
        GpuContext ctx = a.context();
        DType t = a.dtype();
        long n = a.size();
        if (n == 0) {
            return new Runs(ctx.empty(t, 0), ctx.empty(DType.INT64, 0));
        }
        ScanKernel cumsum = ctx.inclusiveScanKernel(DType.INT64, "a + b", "0");
        try (GPUArray flat = a.flatOrCopy(); GPUArray sorted = ctx.empty(t, n); GPUArray pos = ctx.empty(DType.INT64, n)) {
            ctx.sorter().sort(t.scalarType(), 1, n, flat.buffer(), sorted.buffer());
            ctx.compiled(SortSpecs.runStarts(t)).launch(n, new Object[] {pos.buffer(), sorted.buffer()});
            cumsum.call(pos, pos);
            long[] total = new long[1];
            ctx.backend().copyToHost(pos.buffer(), (n - 1) * DType.INT64.itemSize(), HostArray.of(total), 0, 1);
            GPUArray values = ctx.empty(t, total[0]);
            GPUArray starts = null;
            try {
                starts = ctx.empty(DType.INT64, total[0]);
                ctx.compiled(SortSpecs.compactRuns(t)).launch(n, new Object[] {values.buffer(), starts.buffer(),
                        pos.buffer(), sorted.buffer()});
                return new Runs(values, starts);
            } catch (RuntimeException | Error e) {
                values.close();
                if (starts != null) {
                    starts.close();
                }
                throw e;
            }
        }
    }
}
