package org.jgpuarray.samples.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
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
 * Issue 12's memory-pool target: {@code c = 2*x + 5*y} op by op ({@code mul}, {@code mul}, {@code add}: three
 * kernels and three new arrays) against the same as one {@link ElementwiseKernel}, with the memory pool on
 * and off ({@code -Djgpuarray.memory.pool}), on the CPU backend and OpenCL. Each call waits for the device,
 * so queued work is timed. Target: op by op at most 3x the fused kernel; the memory traffic alone
 * (7 array passes against 3) accounts for about 2.3x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class MemoryPoolBenchmark {
    /** The backend. */
    @Param({"cpu", "opencl"})
    public String backend;

    /** Elements per vector: 2^20 and 2^24. */
    @Param({"1048576", "16777216"})
    public int n;

    /** The memory pool, {@code on} or {@code off}. */
    @Param({"on", "off"})
    public String pool;

    private GpuContext context;
    private ElementwiseKernel linear;
    private GPUArray x;
    private GPUArray y;
    private GPUArray c;

    /** Opens the backend with the pool as asked, uploads seeded inputs and compiles the kernel. */
    @Setup
    public void setUp() {
        System.setProperty("jgpuarray.memory.pool", pool.equals("on") ? "true" : "false");
        context = GpuContext.create(backend);
        SplittableRandom random = new SplittableRandom(1);
        float[] hx = new float[n];
        float[] hy = new float[n];
        for (int i = 0; i < n; i++) {
            hx[i] = (float) random.nextDouble();
            hy[i] = (float) random.nextDouble();
        }
        x = context.toGpu(hx);
        y = context.toGpu(hy);
        c = context.empty(DType.FLOAT32, n);
        linear = context.elementwiseKernel("float a, float *x, float b, float *y, float *c",
                "c[i] = a*x[i] + b*y[i]", "linear_combination");
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        context.close();
    }

    /** One generated kernel into an existing array. */
    @Benchmark
    public GPUArray fused() {
        linear.call(2f, x, 5f, y, c);
        context.synchronize();
        return c;
    }

    /** {@code x.mul(2).add(y.mul(5))}: three kernels and three new arrays, closed at once. */
    @Benchmark
    public long opByOp() {
        try (GPUArray ax = x.mul(2.0); GPUArray by = y.mul(5.0); GPUArray sum = ax.add(by)) {
            context.synchronize();
            return sum.size();
        }
    }
}
