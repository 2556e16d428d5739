package org.jgpuarray.samples.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * jgpuarray's side of {@code jgpuarray bench --small-calls}: the host-side wall-clock cost of three small
 * float32 calls on one context, each sample one {@link System#nanoTime()} interval around exactly the
 * work that {@code bench/pyopencl_small_calls.py} times for PyOpenCL:
 * <ul>
 *   <li>{@code call}: a cached {@link ElementwiseKernel} {@code z[i] = x[i] + y[i]} on existing arrays, then
 *       {@link GpuContext#synchronize()} (enqueue and wait for completion);</li>
 *   <li>{@code call-batch}: {@value #BATCH} such calls, then one synchronize, divided by {@value #BATCH};</li>
 *   <li>{@code add}: {@code x.add(y)} (a new array, from the memory pool, which is on by default), synchronize,
 *       then the result closed;</li>
 *   <li>{@code sum}: {@code x.sum().item()} (the reduction and the blocking read of the scalar), the 0-d
 *       result closed.</li>
 * </ul>
 * Every result is checked once against a float64 reference computed here.
 */
final class SmallCalls {
    /** Calls per {@code call-batch} sample. */
    static final int BATCH = 100;

    private final int n;
    private final int samples;
    private final int warmup;
    private final long seed;

    /**
     * @param n       elements per array
     * @param samples timed samples per call
     * @param warmup  untimed calls first
     * @param seed    seed of the inputs
     */
    SmallCalls(int n, int samples, int warmup, long seed) {
        this.n = n;
        this.samples = samples;
        this.warmup = warmup;
        this.seed = seed;
    }

    /**
     * Times the calls on {@code ctx}.
     *
     * @return timings by key, in the order above
     * @throws IllegalStateException when a result is wrong
     */
    Map<String, SmallCallTiming> run(GpuContext ctx) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xs = new float[n];
        float[] ys = new float[n];
        double[] expectedAdd = new double[n];
        double expectedSum = 0;
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = (float) random.nextDouble(-1, 1);
            ys[i] = (float) random.nextDouble(-1, 1);
            expectedAdd[i] = (double) xs[i] + ys[i];
            expectedSum += xs[i];
            magnitude += Math.abs(xs[i]);
        }
        Map<String, SmallCallTiming> timings = new LinkedHashMap<>();
        try (GPUArray x = ctx.toGpu(xs); GPUArray y = ctx.toGpu(ys); GPUArray z = ctx.toGpu(nans())) {
            ElementwiseKernel kernel = ctx.elementwiseKernel("float *z, float *x, float *y", "z[i] = x[i] + y[i]",
                    "small_calls_add");
            Runnable call = () -> {
                kernel.call(z, x, y);
                ctx.synchronize();
            };
            Runnable batch = () -> {
                for (int k = 0; k < BATCH; k++) {
                    kernel.call(z, x, y);
                }
                ctx.synchronize();
            };
            Runnable add = () -> {
                try (GPUArray result = x.add(y)) {
                    ctx.synchronize();
                }
            };
            double[] sink = new double[1];
            Runnable sum = () -> {
                try (GPUArray result = x.sum()) {
                    sink[0] += result.item();
                }
            };
            call.run();
            check("call", z.toFloatArray(), expectedAdd);
            try (GPUArray result = x.add(y)) {
                check("add", result.toFloatArray(), expectedAdd);
            }
            try (GPUArray result = x.sum()) {
                double got = result.item();
                double tolerance = 1e-5 * Math.max(1, magnitude);
                if (!(Math.abs(got - expectedSum) <= tolerance)) {
                    throw new IllegalStateException("WRONG sum on " + ctx.backendName() + ": " + got + ", expected "
                            + expectedSum + " within " + tolerance);
                }
            }
            timings.put("call", time(call, 1));
            timings.put("call-batch", time(batch, BATCH));
            timings.put("add", time(add, 1));
            timings.put("sum", time(sum, 1));
        }
        return timings;
    }

    private float[] nans() {
        float[] values = new float[n];
        java.util.Arrays.fill(values, Float.NaN);
        return values;
    }

    private SmallCallTiming time(Runnable work, int per) {
        for (int k = 0; k < Math.max(1, warmup / per); k++) {
            work.run();
        }
        long[] nanos = new long[Math.max(1, samples / per)];
        for (int s = 0; s < nanos.length; s++) {
            long start = System.nanoTime();
            work.run();
            nanos[s] = System.nanoTime() - start;
        }
        return SmallCallTiming.of(nanos, per);
    }

    private static void check(String what, float[] got, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(got[i] - expected[i]) <= 1e-6)) {
                throw new IllegalStateException("WRONG " + what + " at " + i + ": " + got[i] + ", expected "
                        + expected[i]);
            }
        }
    }
}
