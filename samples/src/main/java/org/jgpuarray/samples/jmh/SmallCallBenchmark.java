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
 * Issue 12's "microsecond calls" at n = 1000, where the device work is negligible and the Java around it
 * is what costs: a cached {@link ElementwiseKernel} call, an allocating {@code x.add(y)}, and
 * {@code x.sum().item()} written as users write it (the 0-d array left to the collector). Targets on the
 * CPU backend: 2, 5 and 5 microseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SmallCallBenchmark {
    /** The backend. */
    @Param({"cpu", "opencl"})
    public String backend;

    /** The memory pool, {@code on} or {@code off}. */
    @Param({"on", "off"})
    public String pool;

    /** Elements per vector. */
    @Param("1000")
    public int n;

    private GpuContext context;
    private ElementwiseKernel linear;
    private GPUArray x;
    private GPUArray y;
    private GPUArray c;

    /** Opens the backend, uploads seeded inputs and compiles the kernel. */
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

    /** A compiled kernel's call, waited for. */
    @Benchmark
    public GPUArray cachedKernelCall() {
        linear.call(2f, x, 5f, y, c);
        context.synchronize();
        return c;
    }

    /** An allocating addition, waited for and closed. */
    @Benchmark
    public long allocatingAdd() {
        try (GPUArray sum = x.add(y)) {
            context.synchronize();
            return sum.size();
        }
    }

    /** A sum brought home as a Java double. */
    @Benchmark
    public double sumItem() {
        return x.sum().item();
    }
}
