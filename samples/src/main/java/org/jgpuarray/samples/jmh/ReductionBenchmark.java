package org.jgpuarray.samples.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code sum(x)} and {@code dot(x, y)} over 2^24 float32 on the CPU backend ({@code GPUArray.sum},
 * {@code GPUArray.dot}, result brought home with {@code item()}) against hand-written Java loops with a
 * float accumulator: on all cores (one partial per slice) and on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ReductionBenchmark {
    /** Elements per vector. */
    @Param("16777216")
    public int n;

    private GpuContext context;
    private GPUArray x;
    private GPUArray y;
    private float[] hx;
    private float[] hy;
    private AllCoresLoop loop;

    /** Opens the CPU backend and uploads seeded inputs in [-1, 1). */
    @Setup
    public void setUp() {
        context = GpuContext.create("cpu");
        SplittableRandom random = new SplittableRandom(2);
        hx = new float[n];
        hy = new float[n];
        for (int i = 0; i < n; i++) {
            hx[i] = (float) (2 * random.nextDouble() - 1);
            hy[i] = (float) (2 * random.nextDouble() - 1);
        }
        x = context.toGpu(hx);
        y = context.toGpu(hy);
        loop = new AllCoresLoop();
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        loop.close();
        context.close();
    }

    /** The built-in sum reduction. */
    @Benchmark
    public double sumKernel() {
        try (GPUArray s = x.sum()) {
            return s.item();
        }
    }

    /** The built-in dot reduction. */
    @Benchmark
    public double dotKernel() {
        try (GPUArray d = x.dot(y)) {
            return d.item();
        }
    }

    /** Sum, one partial per core. */
    @Benchmark
    public float javaSumAllCores() {
        float total = 0;
        for (float partial : loop.run(n, (from, to) -> {
            float s = 0;
            for (int i = from; i < to; i++) {
                s += hx[i];
            }
            return s;
        })) {
            total += partial;
        }
        return total;
    }

    /** Sum on one thread. */
    @Benchmark
    public float javaSumSingleThread() {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += hx[i];
        }
        return s;
    }

    /** Dot, one partial per core. */
    @Benchmark
    public float javaDotAllCores() {
        float total = 0;
        for (float partial : loop.run(n, (from, to) -> {
            float s = 0;
            for (int i = from; i < to; i++) {
                s += hx[i] * hy[i];
            }
            return s;
        })) {
            total += partial;
        }
        return total;
    }

    /** Dot on one thread. */
    @Benchmark
    public float javaDotSingleThread() {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += hx[i] * hy[i];
        }
        return s;
    }
}
