package org.jgpuarray.samples.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuArrays;
import org.jgpuarray.GpuContext;
import org.jgpuarray.GpuMath;
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
 * Indexing and assembly over 2^24 float32 on the CPU backend, each against the baseline of the same run, the
 * binary {@code add} (one generated kernel, two reads and a write): {@code where}, boolean-mask compaction
 * (flags, scan, scatter) with half the elements kept, {@code take} of a random permutation, and
 * {@code concatenate} of two halves against {@code copy}; plus the mask compaction as a single-threaded Java
 * loop. Report ratios, never absolute targets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class IndexingBenchmark {
    /** Elements per array. */
    @Param("16777216")
    public int n;

    private GpuContext context;
    private GPUArray x;
    private GPUArray y;
    private GPUArray mask;
    private GPUArray permutation;
    private GPUArray firstHalf;
    private GPUArray secondHalf;
    private float[] hx;
    private float[] kept;

    /** Opens the CPU backend and uploads seeded inputs. */
    @Setup
    public void setUp() {
        context = GpuContext.create("cpu");
        SplittableRandom random = new SplittableRandom(1);
        hx = new float[n];
        float[] hy = new float[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            hx[i] = (float) random.nextDouble() - 0.5f;
            hy[i] = (float) random.nextDouble();
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        x = context.toGpu(hx);
        y = context.toGpu(hy);
        mask = x.gt(0.0);
        permutation = context.toGpu(order);
        firstHalf = x.get("0:" + n / 2);
        secondHalf = x.get(n / 2 + ":");
        kept = new float[n];
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        context.close();
    }

    /** The baseline: {@code x + y}, a new array. */
    @Benchmark
    public long add() {
        try (GPUArray sum = x.add(y)) {
            return sum.size();
        }
    }

    /** {@code where(x > 0, x, y)} with a precomputed mask: three reads and a write. */
    @Benchmark
    public long where() {
        try (GPUArray w = GpuMath.where(mask, x, y)) {
            return w.size();
        }
    }

    /** {@code x[x > 0]} with a precomputed mask, about half kept. */
    @Benchmark
    public long maskSelect() {
        try (GPUArray s = x.get(mask)) {
            return s.size();
        }
    }

    /** The same compaction as a plain Java loop on one thread. */
    @Benchmark
    public int maskSelectJavaLoop() {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (hx[i] > 0) {
                kept[k++] = hx[i];
            }
        }
        return k;
    }

    /** {@code x.take(permutation)}: a gather in random order. */
    @Benchmark
    public long takePermutation() {
        try (GPUArray t = x.take(permutation)) {
            return t.size();
        }
    }

    /** {@code concatenate(0, x[:n/2], x[n/2:])}. */
    @Benchmark
    public long concatenateHalves() {
        try (GPUArray c = GpuArrays.concatenate(0, firstHalf, secondHalf)) {
            return c.size();
        }
    }

    /** The baseline of concatenate: {@code x.copy()}. */
    @Benchmark
    public long copy() {
        try (GPUArray c = x.copy()) {
            return c.size();
        }
    }
}
