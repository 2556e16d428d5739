package org.jgpuarray.samples.jmh;

import java.util.concurrent.TimeUnit;
import org.jgpuarray.DType;
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
 * A binary op on views against the same op on contiguous arrays, n x n float32, written into a preallocated
 * output: {@code a + b}, {@code a.T + b} (a transposed view) and {@code a + row} (a row broadcast over every
 * row). All three move the same bytes for the output and two operands (the broadcast row is read n times
 * but stays in cache), so their times compare directly. Issue 11's target: each view form at least 0.7x the
 * contiguous form's throughput on the same backend.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class StridedBenchmark {
    /** The backend: {@code cpu} or {@code opencl}. */
    @Param({"cpu", "opencl"})
    public String backend;

    /** Rows and columns. */
    @Param("4096")
    public int n;

    private GpuContext context;
    private GPUArray a;
    private GPUArray transposed;
    private GPUArray b;
    private GPUArray row;
    private GPUArray out;

    /** Opens the backend and makes the operands. */
    @Setup
    public void setUp() {
        context = GpuContext.create(backend);
        try (GPUArray flat = context.arange(DType.FLOAT32, (long) n * n)) {
            a = flat.reshape(n, n);
        }
        transposed = a.T();
        b = a.copy();
        row = context.arange(DType.FLOAT32, n);
        out = context.empty(DType.FLOAT32, n, n);
        contiguous();
        transposedView();
        rowBroadcast();
        context.synchronize();
    }

    /** Frees everything. */
    @TearDown
    public void tearDown() {
        context.close();
    }

    /** {@code out = a + b}, all contiguous. */
    @Benchmark
    public GPUArray contiguous() {
        GPUArray r = a.add(b, out);
        context.synchronize();
        return r;
    }

    /** {@code out = a.T + b}: one operand read across its rows. */
    @Benchmark
    public GPUArray transposedView() {
        GPUArray r = transposed.add(b, out);
        context.synchronize();
        return r;
    }

    /** {@code out = a + row}: the row broadcast over every row. */
    @Benchmark
    public GPUArray rowBroadcast() {
        GPUArray r = a.add(row, out);
        context.synchronize();
        return r;
    }
}
