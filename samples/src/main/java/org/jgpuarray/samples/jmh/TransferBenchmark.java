package org.jgpuarray.samples.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.PinnedArray;
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
 * Issue 12's pinned memory: host-to-device and device-to-host copies of 2^24 float32 (64 MiB) from a Java array
 * ({@code set}, {@code toFloatArray} into a new array) against pinned memory ({@code setAsync},
 * {@code getAsync}), each waited for, on the CPU backend and OpenCL. GB/s = 0.0671 / (ms per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class TransferBenchmark {
    /** The backend. */
    @Param({"cpu", "opencl"})
    public String backend;

    /** Elements copied: 2^24. */
    @Param({"16777216"})
    public int n;

    private GpuContext context;
    private float[] host;
    private PinnedArray pinned;
    private GPUArray device;

    /** Opens the backend and fills the host array and the pinned array with the same seeded values. */
    @Setup
    public void setUp() {
        context = GpuContext.create(backend);
        SplittableRandom random = new SplittableRandom(1);
        host = new float[n];
        for (int i = 0; i < n; i++) {
            host[i] = (float) random.nextDouble();
        }
        pinned = context.pinnedHost(DType.FLOAT32, n).set(host);
        device = context.empty(DType.FLOAT32, n);
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        pinned.close();
        context.close();
    }

    /** A blocking copy from a Java array. */
    @Benchmark
    public GPUArray setFromJavaArray() {
        device.set(host);
        context.synchronize();
        return device;
    }

    /** An asynchronous copy from pinned memory, then the wait for it. */
    @Benchmark
    public GPUArray setAsyncFromPinned() {
        device.setAsync(pinned);
        context.synchronize();
        return device;
    }

    /** A blocking copy into a new Java array. */
    @Benchmark
    public float[] getIntoJavaArray() {
        return device.toFloatArray();
    }

    /** An asynchronous copy into pinned memory, then the wait for it. */
    @Benchmark
    public PinnedArray getAsyncIntoPinned() {
        device.getAsync(pinned);
        context.synchronize();
        return pinned;
    }
}
