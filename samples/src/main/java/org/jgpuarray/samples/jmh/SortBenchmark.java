package org.jgpuarray.samples.jmh;

import java.util.Arrays;
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
 * A sorted copy of 2^24 float32 on the CPU backend ({@code GPUArray.sort}, which copies and sorts the
 * backend's array with {@code Arrays.parallelSort}) against {@code Arrays.parallelSort} of a clone of a
 * {@code float[]}; and {@code argsort} (a stable radix sort of (rank, index) pairs) for scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class SortBenchmark {
    /** Elements. */
    @Param("16777216")
    public int n;

    private GpuContext context;
    private GPUArray x;
    private float[] hx;

    /** Opens the CPU backend and uploads seeded inputs in [-1, 1). */
    @Setup
    public void setUp() {
        context = GpuContext.create("cpu");
        SplittableRandom random = new SplittableRandom(3);
        hx = new float[n];
        for (int i = 0; i < n; i++) {
            hx[i] = (float) (2 * random.nextDouble() - 1);
        }
        x = context.toGpu(hx);
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        context.close();
    }

    /** {@code GPUArray.sort()}: a new sorted array. */
    @Benchmark
    public GPUArray sortCopy() {
        GPUArray sorted = x.sort();
        sorted.close();
        return sorted;
    }

    /** The JDK's parallel sort of a copy. */
    @Benchmark
    public float[] javaParallelSortCopy() {
        float[] copy = hx.clone();
        Arrays.parallelSort(copy);
        return copy;
    }

    /** {@code GPUArray.argsort()}: int64 indices. */
    @Benchmark
    public GPUArray argsort() {
        GPUArray indices = x.argsort();
        indices.close();
        return indices;
    }
}
