package org.jgpuarray.internal.portable;

import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.SortKernels;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RawFunction;
import org.jgpuarray.spi.SortProvider;

/**
 * The stable LSD radix sort of {@link SortKernels}, planned by {@link RadixPlan}: per pass a count, a scan of
 * the counts ({@link CountScan}) and a scatter, ping-ponging between the output and one scratch buffer so
 * that the last pass writes the output. Scratch memory lives for one call.
 */
final class PortableSort implements SortProvider {
    private final KernelRunner runner;

    PortableSort(KernelRunner runner) {
        this.runner = runner;
    }

    @Override
    public String implementation() {
        return "jgpuarray LSD radix sort (" + runner.device().dialect() + ", " + SortKernels.RADIX_BITS
                + "-bit digits, tiles of " + SortKernels.TILE + ")";
    }

    @Override
    public void sort(ScalarType type, long rows, long cols, DeviceBuffer src, DeviceBuffer dst) {
        long n = rows * cols;
        if (n == 0) {
            return;
        }
        RadixPlan plan = RadixPlan.of(type, rows, cols);
        int passes = plan.passes();
        DeviceBuffer counts = runner.allocate(ScalarType.INT64, plan.counts());
        DeviceBuffer items = passes > 1 ? runner.allocate(type, n) : null;
        DeviceBuffer[] values = plan.joined() ? new DeviceBuffer[] {runner.allocate(ScalarType.INT64, n),
                runner.allocate(ScalarType.INT64, n)} : null;
        try (CountScan scan = new CountScan(runner, base -> kernel(base, type), plan.counts())) {
            DeviceBuffer itemsIn = src;
            DeviceBuffer valuesIn = counts; // not read until a pass has written values
            for (int p = 0; p < passes; p++) {
                DeviceBuffer itemsOut = (passes - 1 - p) % 2 == 0 ? dst : items;
                DeviceBuffer valuesOut = plan.joined() ? values[p % 2] : counts;
                int carry = !plan.joined() ? 0 : p == 0 ? SortKernels.VALUES_IOTA : SortKernels.VALUES_IN;
                pass(type, plan, p, SortKernels.KEYS_OUT | carry, cols, itemsIn, valuesIn, counts, scan, itemsOut,
                        valuesOut);
                itemsIn = itemsOut;
                valuesIn = valuesOut;
            }
        } finally {
            runner.free(counts);
            runner.free(items);
            if (values != null) {
                runner.free(values[0]);
                runner.free(values[1]);
            }
        }
    }

    @Override
    public void argsort(ScalarType type, long rows, long cols, DeviceBuffer keys, DeviceBuffer indices) {
        long n = rows * cols;
        if (n == 0) {
            return;
        }
        RadixPlan plan = RadixPlan.of(type, rows, cols);
        int passes = plan.passes();
        DeviceBuffer counts = runner.allocate(ScalarType.INT64, plan.counts());
        DeviceBuffer[] items = new DeviceBuffer[Math.min(2, passes - 1)];
        for (int k = 0; k < items.length; k++) {
            items[k] = runner.allocate(type, n);
        }
        DeviceBuffer values = passes > 1 ? runner.allocate(ScalarType.INT64, n) : null;
        try (CountScan scan = new CountScan(runner, base -> kernel(base, type), plan.counts())) {
            DeviceBuffer itemsIn = keys;
            DeviceBuffer valuesIn = indices; // not read by the first pass
            for (int p = 0; p < passes; p++) {
                boolean last = p == passes - 1;
                DeviceBuffer itemsOut = last ? keys : items[p % 2]; // the last pass writes no items
                DeviceBuffer valuesOut = (passes - 1 - p) % 2 == 0 ? indices : values;
                int mode = (last ? 0 : SortKernels.KEYS_OUT) | (p == 0 ? SortKernels.VALUES_IOTA : SortKernels.VALUES_IN);
                pass(type, plan, p, mode, cols, itemsIn, valuesIn, counts, scan, itemsOut, valuesOut);
                itemsIn = itemsOut;
                valuesIn = valuesOut;
            }
            if (rows > 1) {
                runner.launch1d(kernel("row_index", type), n, indices, n, cols);
            }
        } finally {
            runner.free(counts);
            for (DeviceBuffer b : items) {
                runner.free(b);
            }
            runner.free(values);
        }
    }

    /** One pass: count the tiles' digits, scan the counts into offsets, move the items (and values). */
    private void pass(ScalarType type, RadixPlan plan, int p, int mode, long cols, DeviceBuffer itemsIn,
                      DeviceBuffer valuesIn, DeviceBuffer counts, CountScan scan, DeviceBuffer itemsOut,
                      DeviceBuffer valuesOut) {
        int m = mode | (plan.rowPass(p) ? SortKernels.ROW_DIGITS : 0);
        Object[] common = {itemsIn, valuesIn, m, plan.segmentLength(), plan.tilesPerSegment(), plan.shift(p), cols};
        runner.launchGroups(kernel("count", type), plan.groups(), SortKernels.THREADS, append(common, counts));
        scan.run(counts);
        runner.launchGroups(kernel("scatter", type), plan.groups(), SortKernels.THREADS,
                append(common, counts, itemsOut, valuesOut));
    }

    private static Object[] append(Object[] head, Object... tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private RawFunction kernel(String base, ScalarType type) {
        return runner.function("sort/" + type.numpyName(), () -> SortKernels.program(runner.device().dialect(), type),
                SortKernels.kernelName(base, type));
    }
}
