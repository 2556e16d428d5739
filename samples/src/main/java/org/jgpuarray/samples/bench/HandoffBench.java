package org.jgpuarray.samples.bench;

import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.samples.jmh.AllCoresLoop;

/**
 * {@code jgpuarray bench --handoff}: issue 12's small-call and hand-off targets on the CPU backend, in one run.
 * For every size a cached {@link ElementwiseKernel} ({@code z = a*x + y}, float32) and {@code x.sum().item()}
 * are timed against the same work as a plain Java loop on one thread and split over every core
 * ({@link AllCoresLoop}); then the three calls at n = 1000 (a cached kernel call, an allocating {@code x.add(y)}
 * closed at once, {@code x.sum().item()} with its 0-d array left to the collector). The cases of one size take
 * turns sample by sample, so load that comes and goes meets them alike; each sample times a batch of calls
 * (at least 2^20 elements of work) and reports the time per call. The small calls run one case after the
 * other, each warmed up until the JIT has settled (2 s at least) and timed in 101 samples of 1000 calls at
 * least, each with the collector's time it caused. Minimum and median
 * over the samples are printed, ratios from the medians. Not thread-safe.
 */
final class HandoffBench {
    /** Elements of work a sample's batch covers at least, so that small calls are timed in bulk. */
    private static final long BATCH_ELEMENTS = 1L << 20;
    /** Calls per sample at n = 1000: short samples, so that some fall between the preemptions of a loaded machine. */
    private static final int SMALL_BATCH = 1_000;
    /** Samples per small call, at least. */
    private static final int SMALL_SAMPLES = 101;
    /** Warm-up per small call, at least: the JIT needs seconds to settle the call paths on a loaded machine. */
    private static final long SMALL_WARMUP_NANOS = 2_000_000_000L;
    /** A turn of the first size's warm-up in which the JIT compiled nothing ends it. */
    private static final long JIT_QUIET_NANOS = 300_000_000L;
    /** The first size's warm-up at most. */
    private static final long MAX_WARMUP_NANOS = 15_000_000_000L;
    /** n of the small-call figures. */
    static final int SMALL_N = 1000;

    /** One timed case at one size: per-call times in nanoseconds, one per sample. */
    record Timing(String name, long[] nanos) {
        double minUs() {
            return Stats.of(nanos).minMs() * 1e3;
        }

        double medianUs() {
            return Stats.of(nanos).medianMs() * 1e3;
        }
    }

    /** The cases of one size, in column order. */
    record Row(long n, List<Timing> cases) {
        Timing get(int k) {
            return cases.get(k);
        }
    }

    private final GpuContext context;
    private final int samples;
    private final long warmupNanos;
    private final long seed;

    /**
     * @param context      a CPU backend context (any backend runs, the targets are the CPU's)
     * @param samples      samples per case, at least 1
     * @param warmupMillis untimed turns of every case of a size first, for this long
     * @param seed         seed of the inputs
     */
    HandoffBench(GpuContext context, int samples, long warmupMillis, long seed) {
        this.context = context;
        this.samples = samples;
        this.warmupNanos = warmupMillis * 1_000_000L;
        this.seed = seed;
    }

    /**
     * Times the six cases at every size of {@code sizes}; the first size is warmed up until the JIT has settled
     * ({@link #warmUntilJitQuiet}), so that no size is timed while the call paths are still being compiled.
     */
    List<Row> sweep(List<Long> sizes) {
        ElementwiseKernel axpy = context.elementwiseKernel("float a, float *x, float *y, float *z",
                "z[i] = a*x[i] + y[i]", "handoff_axpy");
        List<Row> rows = new ArrayList<>();
        try (AllCoresLoop loop = new AllCoresLoop()) {
            for (long size : sizes) {
                int n = Math.toIntExact(size);
                float[] hx = random(n, 1);
                float[] hy = random(n, 2);
                float[] hz = new float[n];
                float a = 2.5f;
                try (GPUArray x = context.toGpu(hx); GPUArray y = context.toGpu(hy);
                     GPUArray z = context.empty(DType.FLOAT32, n)) {
                    double[] sink = new double[1];
                    List<Case> cases = List.of(
                            new Case("kernel", () -> {
                                axpy.call(a, x, y, z);
                                context.synchronize();
                            }),
                            new Case("loop 1 thread", () -> axpyLoop(a, hx, hy, hz, 0, n)),
                            new Case("loop all cores", () -> loop.run(n, (from, to) -> {
                                axpyLoop(a, hx, hy, hz, from, to);
                                return null;
                            })),
                            new Case("sum().item()", () -> sink[0] += x.sum().item()),
                            new Case("sum loop 1 thread", () -> sink[0] += sumLoop(hx, 0, n)),
                            new Case("sum loop all cores", () -> {
                                float total = 0;
                                for (float partial : loop.run(n, (from, to) -> sumLoop(hx, from, to))) {
                                    total += partial;
                                }
                                sink[0] += total;
                            }));
                    int batch = (int) Math.max(1, BATCH_ELEMENTS / n);
                    if (rows.isEmpty()) {
                        // timed before the JIT settles, 2^10 to 2^12 took 3 to 10 times their steady cost
                        // (generated kernels still interpreted, or entered through on-stack replacement)
                        warmUntilJitQuiet(cases, batch, SMALL_WARMUP_NANOS);
                    }
                    rows.add(new Row(n, time(cases, batch, samples, warmupNanos)));
                    if (Double.isNaN(sink[0])) {
                        throw new IllegalStateException("NaN sum");
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Times the three small calls at n = 1000, and {@code x.sum()} closed before {@code item()} returns, one case
     * after the other (not in turns, so that each pays for the garbage it leaves); with each case the
     * collector's milliseconds during its samples.
     */
    List<SmallCall> smallCalls() {
        ElementwiseKernel linear = context.elementwiseKernel("float a, float *x, float b, float *y, float *c",
                "c[i] = a*x[i] + b*y[i]", "handoff_linear");
        try (GPUArray x = context.toGpu(random(SMALL_N, 3)); GPUArray y = context.toGpu(random(SMALL_N, 4));
             GPUArray c = context.empty(DType.FLOAT32, SMALL_N)) {
            double[] sink = new double[1];
            List<Case> cases = List.of(
                    new Case("ElementwiseKernel.call", () -> {
                        linear.call(2f, x, 5f, y, c);
                        context.synchronize();
                    }),
                    new Case("x.add(y), closed", () -> {
                        try (GPUArray sum = x.add(y)) {
                            context.synchronize();
                            sink[0] += sum.size();
                        }
                    }),
                    new Case("x.sum().item()", () -> sink[0] += x.sum().item()),
                    new Case("x.sum() closed, item()", () -> {
                        try (GPUArray sum = x.sum()) {
                            sink[0] += sum.item();
                        }
                    }));
            List<SmallCall> calls = new ArrayList<>();
            for (Case one : cases) {
                System.gc(); // the previous case's garbage is not this one's
                long gc = gcMillis();
                warmUntilJitQuiet(List.of(one), SMALL_BATCH, Math.max(warmupNanos, SMALL_WARMUP_NANOS));
                Timing t = time(List.of(one), SMALL_BATCH, Math.max(samples, SMALL_SAMPLES), 0).get(0);
                calls.add(new SmallCall(t, gcMillis() - gc));
            }
            return calls;
        }
    }

    /** A small call's timing and the collector's milliseconds during its warm-up and samples. */
    record SmallCall(Timing timing, long gcMillis) {
    }

    /**
     * Runs the cases in turns for {@code minNanos} at least, then until the JIT compiler has been idle for a
     * whole turn of {@link #JIT_QUIET_NANOS} (on a loaded machine its queue takes seconds to drain), for
     * {@link #MAX_WARMUP_NANOS} at most. Without a compilation monitor, for {@code minNanos}.
     */
    private static void warmUntilJitQuiet(List<Case> cases, int batch, long minNanos) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long compiled = watched ? jit.getTotalCompilationTime() : 0;
        long turnStart = start;
        while (true) {
            for (Case c : cases) {
                c.batch(batch);
            }
            long now = System.nanoTime();
            if (now - start >= MAX_WARMUP_NANOS) {
                return;
            }
            if (now - turnStart < JIT_QUIET_NANOS) {
                continue;
            }
            long compiledNow = watched ? jit.getTotalCompilationTime() : compiled;
            if (now - start >= minNanos && compiledNow == compiled) {
                return;
            }
            compiled = compiledNow;
            turnStart = now;
        }
    }

    private static List<Timing> time(List<Case> cases, int batch, int samples, long warmupNanos) {
        long start = System.nanoTime();
        do {
            for (Case c : cases) {
                c.batch(batch);
            }
        } while (System.nanoTime() - start < warmupNanos);
        long[][] nanos = new long[cases.size()][samples];
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < cases.size(); k++) {
                nanos[k][s] = cases.get(k).batch(batch) / batch;
            }
        }
        List<Timing> timings = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            timings.add(new Timing(cases.get(k).name(), nanos[k]));
        }
        return timings;
    }

    /**
     * Prints the sweep and the small calls as tables, with the targets' ratios: loop time over kernel time
     * (at least 1 against one thread everywhere, at least 0.8 against all cores from 2^20 up).
     */
    static void print(List<Row> rows, List<SmallCall> small, PrintWriter out) {
        out.printf(Locale.ROOT, "Hand-off: cached ElementwiseKernel z = a*x + y (float32) and x.sum().item() against"
                + " plain Java loops, %d cores; times per call in us, min / median; ratio = loop median / ours%n",
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-6s %19s %19s %19s %7s %7s | %19s %19s %19s %7s %7s%n", "n", "kernel",
                "loop 1 thread", "loop all cores", "1thr/k", "all/k", "sum().item()", "sum loop 1 thread",
                "sum loop all cores", "1thr/s", "all/s");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-6s %19s %19s %19s %7s %7s | %19s %19s %19s %7s %7s%n", power(r.n()),
                    minMedian(r.get(0)), minMedian(r.get(1)), minMedian(r.get(2)), ratio(r.get(1), r.get(0)),
                    ratio(r.get(2), r.get(0)), minMedian(r.get(3)), minMedian(r.get(4)), minMedian(r.get(5)),
                    ratio(r.get(4), r.get(3)), ratio(r.get(5), r.get(3)));
        }
        out.printf(Locale.ROOT, "Small calls at n = %d, us per call (targets 2 / 5 / 5 us), %d calls per sample, with"
                + " the collector's time during each case%n", SMALL_N, SMALL_BATCH);
        for (SmallCall c : small) {
            out.printf(Locale.ROOT, "  %-24s min %8s  median %8s   gc %5d ms%n", c.timing().name(),
                    Format.number(c.timing().minUs()), Format.number(c.timing().medianUs()), c.gcMillis());
        }
        out.flush();
    }

    /** Milliseconds the garbage collectors have run so far in this JVM. */
    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static String minMedian(Timing t) {
        return Format.number(t.minUs()) + " / " + Format.number(t.medianUs());
    }

    private static String ratio(Timing loop, Timing ours) {
        return Format.number(loop.medianUs() / ours.medianUs());
    }

    private static String power(long n) {
        int k = Long.numberOfTrailingZeros(n);
        return n == 1L << k ? "2^" + k : Long.toString(n);
    }

    private float[] random(int n, int stream) {
        SplittableRandom random = new SplittableRandom(seed * 31 + stream);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    private static void axpyLoop(float a, float[] x, float[] y, float[] z, int from, int to) {
        for (int i = from; i < to; i++) {
            z[i] = a * x[i] + y[i];
        }
    }

    private static float sumLoop(float[] x, int from, int to) {
        float s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s;
    }

    /** One case: a name and one call. */
    private record Case(String name, Runnable call) {
        /** Runs {@code count} calls; returns the nanoseconds they took. */
        long batch(int count) {
            long start = System.nanoTime();
            for (int k = 0; k < count; k++) {
                call.run();
            }
            return System.nanoTime() - start;
        }
    }
}
