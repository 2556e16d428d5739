package org.jgpuarray.samples.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * jgpuarray's side of {@code jgpuarray bench --small-calls}: the host-side wall-clock cost of small float32
 * calls on one context, each sample one {@link System#nanoTime()} interval around exactly the work that
 * {@code bench/pyopencl_small_calls.py} times for PyOpenCL:
 * <ul>
 *   <li>{@code call}: a cached {@link ElementwiseKernel} {@code z[i] = x[i] + y[i]} on existing arrays, then
 *       {@link GpuContext#synchronize()} (enqueue and wait for completion);</li>
 *   <li>{@code call-batch}: {@value #BATCH} such calls, then one synchronize, divided by {@value #BATCH};</li>
 *   <li>{@code add}: {@code x.add(y)} (a new array, from the memory pool, which is on by default), synchronize,
 *       then the result closed;</li>
 *   <li>{@code sum}: {@code x.sum().item()} (the reduction and the blocking read of the scalar), the 0-d
 *       result closed.</li>
 * </ul>
 * {@link #open} checks every result once against a float64 reference computed here.
 */
final class SmallCalls implements AutoCloseable {
    /** Calls per {@code call-batch} sample. */
    static final int BATCH = 100;

    private final GPUArray x;
    private final GPUArray y;
    private final GPUArray z;
    private final Map<String, Runnable> works = new LinkedHashMap<>();
    private final Map<String, Integer> per = new LinkedHashMap<>();

    private SmallCalls(GpuContext ctx, GPUArray x, GPUArray y, GPUArray z) {
        this.x = x;
        this.y = y;
        this.z = z;
        ElementwiseKernel kernel = ctx.elementwiseKernel("float *z, float *x, float *y", "z[i] = x[i] + y[i]",
                "small_calls_add");
        add("call", 1, () -> {
            kernel.call(z, x, y);
            ctx.synchronize();
        });
        add("call-batch", BATCH, () -> {
            for (int k = 0; k < BATCH; k++) {
                kernel.call(z, x, y);
            }
            ctx.synchronize();
        });
        add("add", 1, () -> {
            try (GPUArray result = x.add(y)) {
                ctx.synchronize();
            }
        });
        add("sum", 1, () -> {
            try (GPUArray result = x.sum()) {
                result.item();
            }
        });
    }

    private void add(String key, int calls, Runnable work) {
        works.put(key, work);
        per.put(key, calls);
    }

    /**
     * Uploads fresh inputs, builds the kernel, checks each call's result, and runs each call {@code warmup}
     * times.
     *
     * @param n    elements per array
     * @param seed seed of the inputs
     * @throws IllegalStateException when a result is wrong
     */
    static SmallCalls open(GpuContext ctx, int n, long seed, int warmup) {
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
        float[] nans = new float[n];
        Arrays.fill(nans, Float.NaN);
        SmallCalls calls = new SmallCalls(ctx, ctx.toGpu(xs), ctx.toGpu(ys), ctx.toGpu(nans));
        try {
            calls.works.get("call").run();
            check("call", calls.z.toFloatArray(), expectedAdd);
            try (GPUArray result = calls.x.add(calls.y)) {
                check("add", result.toFloatArray(), expectedAdd);
            }
            try (GPUArray result = calls.x.sum()) {
                double got = result.item();
                double tolerance = 1e-5 * Math.max(1, magnitude);
                if (!(Math.abs(got - expectedSum) <= tolerance)) {
                    throw new IllegalStateException("WRONG sum on " + ctx.backendName() + ": " + got + ", expected "
                            + expectedSum + " within " + tolerance);
                }
            }
            for (String key : calls.works.keySet()) {
                calls.time(key, warmup, 0);
            }
            return calls;
        } catch (RuntimeException e) {
            calls.close();
            throw e;
        }
    }

    /**
     * Times one kind of call: {@code samples / 4} untimed calls, then {@code samples} timed ones.
     *
     * @param key {@code call}, {@code call-batch}, {@code add} or {@code sum}
     */
    SmallCallTiming time(String key, int samples) {
        return time(key, samples, samples / 4);
    }

    private SmallCallTiming time(String key, int samples, int warmup) {
        Runnable work = works.get(key);
        int calls = per.get(key);
        for (int k = 0; k < Math.max(1, warmup / calls); k++) {
            work.run();
        }
        long[] nanos = new long[Math.max(1, samples / calls)];
        for (int s = 0; s < nanos.length; s++) {
            long start = System.nanoTime();
            work.run();
            nanos[s] = System.nanoTime() - start;
        }
        return SmallCallTiming.of(nanos, calls);
    }

    /** Frees the arrays. */
    @Override
    public void close() {
        x.close();
        y.close();
        z.close();
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
