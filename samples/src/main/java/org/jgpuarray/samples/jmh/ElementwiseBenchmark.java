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
 * {@code c = a*x + b*y} over 2^24 float32 on the CPU backend: the fused {@link ElementwiseKernel}, the
 * same with separate {@code mul}/{@code add} calls (three passes and two temporaries), a hand-written
 * all-cores Java loop and a single-threaded one. Issue 2's targets: fused within 1.25x of the all-cores
 * loop, and at least 2x faster than separate calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ElementwiseBenchmark {
    private static final float A = 2f;
    private static final float B = 5f;

    /** Elements per vector. */
    @Param("16777216")
    public int n;

    private GpuContext context;
    private ElementwiseKernel linear;
    private GPUArray x;
    private GPUArray y;
    private GPUArray c;
    private float[] hx;
    private float[] hy;
    private float[] hc;
    private AllCoresLoop loop;

    /** Opens the CPU backend, uploads seeded inputs and compiles the kernel. */
    @Setup
    public void setUp() {
        context = GpuContext.create("cpu");
        SplittableRandom random = new SplittableRandom(1);
        hx = new float[n];
        hy = new float[n];
        hc = new float[n];
        for (int i = 0; i < n; i++) {
            hx[i] = (float) random.nextDouble();
            hy[i] = (float) random.nextDouble();
        }
        x = context.toGpu(hx);
        y = context.toGpu(hy);
        c = context.empty(DType.FLOAT32, n);
        linear = context.elementwiseKernel("float a, float *x, float b, float *y, float *c",
                "c[i] = a*x[i] + b*y[i]", "linear_combination");
        loop = new AllCoresLoop();
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        loop.close();
        context.close();
    }

    /** One generated kernel, one pass over memory. */
    @Benchmark
    public GPUArray fusedKernel() {
        linear.call(A, x, B, y, c);
        return c;
    }

    /** {@code x.mul(a).add(y.mul(b))}: three kernels, two temporaries. */
    @Benchmark
    public long separateMulAdd() {
        try (GPUArray ax = x.mul((double) A); GPUArray by = y.mul((double) B); GPUArray sum = ax.add(by)) {
            return sum.size();
        }
    }

    /** The hand-written single-pass loop on all cores. */
    @Benchmark
    public float[] javaAllCores() {
        loop.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                hc[i] = A * hx[i] + B * hy[i];
            }
            return null;
        });
        return hc;
    }

    /** The plain loop on one thread. */
    @Benchmark
    public float[] javaSingleThread() {
        for (int i = 0; i < n; i++) {
            hc[i] = A * hx[i] + B * hy[i];
        }
        return hc;
    }
}
