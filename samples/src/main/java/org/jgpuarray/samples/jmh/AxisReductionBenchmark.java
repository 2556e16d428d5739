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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sums along axes of 2^22 float32 on the CPU backend: the columns ({@code sum(0)}) and rows ({@code sum(1)}) of a
 * 2048x2048 matrix against plain single-threaded Java loops over the same host array (the baselines) and against
 * the full sum of the same elements, and the middle axis of a (64, 1024, 64) array in place ({@code sum(1)}) or
 * through a transposed copy ({@code swapAxes(1, 2).copy().sum(2)}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class AxisReductionBenchmark {
    private static final int SIDE = 2048;

    private GpuContext context;
    private GPUArray matrix;
    private GPUArray cube;
    private float[] host;

    /** Opens the CPU backend and uploads seeded inputs in [-1, 1). */
    @Setup
    public void setUp() {
        context = GpuContext.create("cpu");
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * random.nextDouble() - 1);
        }
        host = x;
        matrix = context.toGpu(x, SIDE, SIDE);
        cube = context.toGpu(x, 64, SIDE / 2, 64);
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        context.close();
    }

    /** The baseline: every element into one sum. */
    @Benchmark
    public double fullSum() {
        try (GPUArray s = matrix.sum()) {
            return s.item();
        }
    }

    /** Baseline for {@link #sumAxis0}: column sums by a Java loop that walks the rows in memory order. */
    @Benchmark
    public float[] javaAxis0() {
        float[] sums = new float[SIDE];
        for (int r = 0; r < SIDE; r++) {
            int row = r * SIDE;
            for (int c = 0; c < SIDE; c++) {
                sums[c] += host[row + c];
            }
        }
        return sums;
    }

    /** Baseline for {@link #sumAxis1}: row sums by a Java loop. */
    @Benchmark
    public float[] javaAxis1() {
        float[] sums = new float[SIDE];
        for (int r = 0; r < SIDE; r++) {
            int row = r * SIDE;
            float s = 0;
            for (int c = 0; c < SIDE; c++) {
                s += host[row + c];
            }
            sums[r] = s;
        }
        return sums;
    }

    /** Column sums. */
    @Benchmark
    public float sumAxis0() {
        try (GPUArray s = matrix.sum(0)) {
            return s.toFloatArray()[0];
        }
    }

    /** Row sums. */
    @Benchmark
    public float sumAxis1() {
        try (GPUArray s = matrix.sum(1)) {
            return s.toFloatArray()[0];
        }
    }

    /** The middle axis, in place. */
    @Benchmark
    public float sumMiddleAxis() {
        try (GPUArray s = cube.sum(1)) {
            return s.toFloatArray()[0];
        }
    }

    /** The middle axis through a contiguous transposed copy. */
    @Benchmark
    public float sumMiddleAxisThroughCopy() {
        try (GPUArray swapped = cube.swapAxes(1, 2); GPUArray copy = swapped.copy(); GPUArray s = copy.sum(2)) {
            return s.toFloatArray()[0];
        }
    }
}
