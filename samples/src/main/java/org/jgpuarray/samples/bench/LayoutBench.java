package org.jgpuarray.samples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * {@code jgpuarray bench --layouts}: issue 11's speed targets on one backend, each case against its baseline in
 * the same run. On an n x n float32 matrix: {@code a + b} (contiguous, the baseline) against {@code a.T + b}
 * (a transposed view) and {@code a + row} (a row broadcast), all written into one preallocated output;
 * {@code sum(a)} (the baseline) against {@code sum(a, axis 0)} and {@code sum(a, axis 1)}; and
 * {@code GPUArray.sort} of uniform float32 numbers against {@code Arrays.parallelSort} of a copy of the same
 * {@code float[]}. Targets: 0.7 for the views and axis sums, 1.0 for the sort. Results are spot-checked
 * against host references. Not thread-safe.
 */
final class LayoutBench {
    private static final double VIEW_TARGET = 0.7;
    private static final double SORT_TARGET = 1.0;
    private static final int SPOT_CHECKS = 1000;

    private final int n;
    private final int sortSize;
    private final Repeater repeater;
    private final long seed;

    /**
     * @param n        rows and columns of the matrix
     * @param sortSize elements of the sort
     * @param repeater warm-up and timed runs of each case
     * @param seed     seed of the inputs
     */
    LayoutBench(int n, int sortSize, Repeater repeater, long seed) {
        this.n = n;
        this.sortSize = sortSize;
        this.repeater = repeater;
        this.seed = seed;
    }

    /** Every case on {@code ctx}'s backend, baselines first within each group. */
    List<LayoutCase> run(GpuContext ctx) {
        List<LayoutCase> cases = new ArrayList<>();
        String backend = ctx.backendName();
        float[] host = HostData.uniform((long) n * n, seed);
        float[] row = HostData.uniform(n, seed + 1);
        double matrix = 4.0 * n * n;
        try (GPUArray a = ctx.toGpu(host).reshape(n, n); GPUArray b = a.copy(); GPUArray t = a.T();
             GPUArray r = ctx.toGpu(row); GPUArray out = ctx.empty(DType.FLOAT32, n, n)) {
            LayoutCase plus = timed(backend, "a + b", null, 3 * matrix, 0, ctx, () -> a.add(b, out), false,
                    () -> checkMatrix(out, (i, j) -> (double) host[i * n + j] * 2));
            cases.add(plus);
            cases.add(timed(backend, "a.T + b", plus, 3 * matrix, VIEW_TARGET, ctx, () -> t.add(b, out), false,
                    () -> checkMatrix(out, (i, j) -> (double) host[j * n + i] + host[i * n + j])));
            cases.add(timed(backend, "a + row", plus, 3 * matrix, VIEW_TARGET, ctx, () -> a.add(r, out), false,
                    () -> checkMatrix(out, (i, j) -> (double) host[i * n + j] + row[j])));
            LayoutCase sum = timed(backend, "sum(a)", null, matrix, 0, ctx, a::sum, true, () -> checkSum(a, host));
            cases.add(sum);
            cases.add(timed(backend, "sum(a, axis 0)", sum, matrix, VIEW_TARGET, ctx, () -> a.sum(0), true,
                    () -> checkAxisSum(a, 0, host)));
            cases.add(timed(backend, "sum(a, axis 1)", sum, matrix, VIEW_TARGET, ctx, () -> a.sum(1), true,
                    () -> checkAxisSum(a, 1, host)));
        }
        cases.addAll(sort(ctx, backend));
        return cases;
    }

    private String checkSum(GPUArray a, float[] host) {
        double expected = 0;
        for (float v : host) {
            expected += v;
        }
        try (GPUArray total = a.sum()) {
            double got = total.doubleItem();
            return Math.abs(got - expected) <= 1e-4 * Math.abs(expected) ? ""
                    : "sum is " + got + ", expected " + expected;
        }
    }

    private String checkAxisSum(GPUArray a, int axis, float[] host) {
        try (GPUArray sums = a.sum(axis)) {
            float[] got = sums.toFloatArray();
            for (int k = 0; k < n; k += Math.max(1, n / 64)) {
                double expected = 0;
                for (int m = 0; m < n; m++) {
                    expected += axis == 0 ? host[m * n + k] : host[k * n + m];
                }
                if (Math.abs(got[k] - expected) > 1e-5 * n) {
                    return "sum " + k + " is " + got[k] + ", expected " + expected;
                }
            }
            return "";
        }
    }

    private List<LayoutCase> sort(GpuContext ctx, String backend) {
        float[] x = HostData.uniform(sortSize, seed + 2);
        float[][] sorted = new float[1][];
        Stats jdk = Stats.of(repeater.run(() -> {
            long start = System.nanoTime();
            float[] copy = x.clone();
            Arrays.parallelSort(copy);
            long time = System.nanoTime() - start;
            sorted[0] = copy;
            return new long[] {time};
        })[0]);
        LayoutCase base = new LayoutCase(backend, "Arrays.parallelSort", "Arrays.parallelSort", 8.0 * sortSize, jdk,
                1, 1, 0, "");
        try (GPUArray d = ctx.toGpu(x)) {
            LayoutCase c = timed(backend, "GPUArray.sort", base, 8.0 * sortSize, SORT_TARGET, ctx, d::sort, true,
                    () -> {
                        try (GPUArray result = d.sort()) {
                            return Arrays.equals(result.toFloatArray(), sorted[0]) ? "" : "not the JDK's sorted array";
                        }
                    });
            return List.of(base, c);
        }
    }

    /**
     * Times {@code op} (and a synchronize), closing its result after each run when {@code owned}; the ratio is the
     * baseline's time over this one's.
     */
    private LayoutCase timed(String backend, String name, LayoutCase baseline, double bytes, double target,
                             GpuContext ctx, Supplier<GPUArray> op, boolean owned, Supplier<String> check) {
        Stats s = Stats.of(repeater.run(() -> {
            long start = System.nanoTime();
            GPUArray result = op.get();
            ctx.synchronize();
            long time = System.nanoTime() - start;
            if (owned) {
                result.close();
            }
            return new long[] {time};
        })[0]);
        if (baseline == null) {
            return new LayoutCase(backend, name, name, bytes, s, 1, 1, 0, check.get());
        }
        return new LayoutCase(backend, name, baseline.name(), bytes, s, baseline.stats().minMs() / s.minMs(),
                baseline.stats().medianMs() / s.medianMs(), target, check.get());
    }

    /** Compares random elements of {@code out} with {@code expected(i, j)}; empty when all agree. */
    private String checkMatrix(GPUArray out, Element expected) {
        float[] got = out.toFloatArray();
        Random r = new Random(seed + 3);
        for (int k = 0; k < SPOT_CHECKS; k++) {
            int i = r.nextInt(n);
            int j = r.nextInt(n);
            double e = expected.at(i, j);
            if (Math.abs(got[i * n + j] - e) > 1e-6 * Math.max(1, Math.abs(e))) {
                return "(" + i + ", " + j + ") is " + got[i * n + j] + ", expected " + e;
            }
        }
        return "";
    }

    /** The expected value of one element. */
    @FunctionalInterface
    private interface Element {
        double at(int i, int j);
    }
}
