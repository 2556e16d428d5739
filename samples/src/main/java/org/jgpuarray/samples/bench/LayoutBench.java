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

    /** Every case on {@code ctx}'s backend, each group's baseline first. */
    List<LayoutCase> run(GpuContext ctx) {
        List<LayoutCase> cases = new ArrayList<>();
        String backend = ctx.backendName();
        float[] host = HostData.uniform((long) n * n, seed);
        float[] row = HostData.uniform(n, seed + 1);
        double matrix = 4.0 * n * n;
        try (GPUArray a = ctx.toGpu(host).reshape(n, n); GPUArray b = a.copy(); GPUArray t = a.T();
             GPUArray r = ctx.toGpu(row); GPUArray out = ctx.empty(DType.FLOAT32, n, n)) {
            Runnable plain = device(ctx, () -> a.add(b, out), false);
            Runnable transposed = device(ctx, () -> t.add(b, out), false);
            Runnable broadcast = device(ctx, () -> a.add(r, out), false);
            cases.addAll(group(backend, VIEW_TARGET, List.of(
                    new Op("a + b", 3 * matrix, plain,
                            () -> checkMatrix(plain, out, (i, j) -> (double) host[i * n + j] * 2)),
                    new Op("a.T + b", 3 * matrix, transposed,
                            () -> checkMatrix(transposed, out, (i, j) -> (double) host[j * n + i] + host[i * n + j])),
                    new Op("a + row", 3 * matrix, broadcast,
                            () -> checkMatrix(broadcast, out, (i, j) -> (double) host[i * n + j] + row[j])))));
            cases.addAll(group(backend, VIEW_TARGET, List.of(
                    new Op("sum(a)", matrix, device(ctx, a::sum, true), () -> checkSum(a, host)),
                    new Op("sum(a, axis 0)", matrix, device(ctx, () -> a.sum(0), true), () -> checkAxisSum(a, 0, host)),
                    new Op("sum(a, axis 1)", matrix, device(ctx, () -> a.sum(1), true),
                            () -> checkAxisSum(a, 1, host)))));
        }
        float[] x = HostData.uniform(sortSize, seed + 2);
        float[] sorted = x.clone();
        Arrays.parallelSort(sorted);
        try (GPUArray d = ctx.toGpu(x)) {
            cases.addAll(group(backend, SORT_TARGET, List.of(
                    new Op("Arrays.parallelSort", 8.0 * sortSize, () -> Arrays.parallelSort(x.clone()), () -> ""),
                    new Op("GPUArray.sort", 8.0 * sortSize, device(ctx, d::sort, true), () -> {
                        try (GPUArray result = d.sort()) {
                            return Arrays.equals(result.toFloatArray(), sorted) ? "" : "not the JDK's sorted array";
                        }
                    }))));
        }
        return cases;
    }

    /** One timed operation of a group: its name, the bytes it is rated at, the run, and its result check. */
    private record Op(String name, double bytes, Runnable run, Supplier<String> check) {
    }

    /**
     * Times a group: every repetition runs each operation once, in order, so that the baseline (the first) and
     * the cases judged against it share the machine's state, which matters on a loaded machine.
     */
    private List<LayoutCase> group(String backend, double target, List<Op> ops) {
        long[][] timings = repeater.run(() -> {
            long[] t = new long[ops.size()];
            for (int k = 0; k < t.length; k++) {
                long start = System.nanoTime();
                ops.get(k).run().run();
                t[k] = System.nanoTime() - start;
            }
            return t;
        });
        Stats base = Stats.of(timings[0]);
        List<LayoutCase> cases = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            Op op = ops.get(k);
            Stats s = Stats.of(timings[k]);
            cases.add(new LayoutCase(backend, op.name(), ops.get(0).name(), op.bytes(), s, base.minMs() / s.minMs(),
                    base.medianMs() / s.medianMs(), k == 0 ? 0 : target, op.check().get()));
        }
        return cases;
    }

    /** {@code op} and a synchronize, its result closed after when {@code owned}. */
    private static Runnable device(GpuContext ctx, Supplier<GPUArray> op, boolean owned) {
        return () -> {
            GPUArray result = op.get();
            ctx.synchronize();
            if (owned) {
                result.close();
            }
        };
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

    /** Runs {@code op} and compares random elements of {@code out} with {@code expected(i, j)}; empty when all agree. */
    private String checkMatrix(Runnable op, GPUArray out, Element expected) {
        op.run();
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
