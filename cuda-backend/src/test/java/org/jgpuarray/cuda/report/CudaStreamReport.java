package org.jgpuarray.cuda.report;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.cuda.CudaFeatures;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;
import org.jgpuarray.spi.gpu.GpuKernel;
import org.jgpuarray.spi.gpu.GpuMarker;
import org.jgpuarray.spi.gpu.GpuQueue;

/**
 * The GPU validation report on streams, measured on the CUDA driver itself ({@code GpuDriver.createQueue},
 * {@code select}, {@code writeAsync}), so that it shows what the driver allows whatever the core adds:
 * <ul>
 *   <li>launch overhead of a cached tiny kernel in the legacy default stream and in a created stream (enqueue
 *   and complete, microseconds per launch), and the cost of recording and querying an event;</li>
 *   <li>copy/compute overlap: an asynchronous host-to-device copy of {@value #COPY_MIB} MiB from pinned memory in
 *   one stream while a compute-bound kernel (sized to take about as long) runs in another; the wall time of
 *   both together against each alone. Overlap gives a ratio together/(copy + kernel) near
 *   max/(copy + kernel), about 0.5; none gives about 1. Two controls: both in one stream (must be about 1),
 *   and the same copy from a Java array (synchronous by design, so about 1).</li>
 * </ul>
 * Every figure is the median of {@value #RUNS} runs after a warm-up; the copied values and the kernel's
 * results are checked against host references, and a wrong one is reported as {@code WRONG}. Run on the GPU
 * machine: {@code .gpu/java -cp '.gpu/lib/*:.gpu/test-classes/cuda-backend:.gpu/test-classes/gpuarray'
 * org.jgpuarray.cuda.report.CudaStreamReport}
 */
public final class CudaStreamReport {
    private static final int COPY_MIB = 256;
    private static final int RUNS = 9;
    private static final int BATCH = 10000;
    private static final int THREADS = 256;
    /** Blocks of the compute kernel: few, so that it leaves memory bandwidth and copy engines alone. */
    private static final int BLOCKS = 132;
    private static final String SPIN = "extern \"C\" __global__ void spin(float *x, int iterations) {\n"
            + "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
            + "  float v = x[i];\n"
            + "  for (int k = 0; k < iterations; k++) v = v * 0.999f + 0.001f;\n"
            + "  x[i] = v;\n"
            + "}\n";
    private static final String TINY = "extern \"C\" __global__ void tiny(float *x) { x[0] += 1.0f; }";

    private CudaStreamReport() {
    }

    /** Prints the report; ends with {@code == summary} and one line per figure. */
    public static void main(String[] args) {
        BackendProbe probe = new CudaBackend().probe();
        System.out.println("== CUDA probe: " + (probe.available() ? "available" : "unavailable: " + probe.reason()));
        if (!probe.available()) {
            return;
        }
        List<String> table = new ArrayList<>();
        try (BackendDevice device = new CudaBackend().open(0)) {
            CudaDriver driver = (CudaDriver) device.unwrap(CudaFeatures.class).orElseThrow();
            System.out.println("  " + device.info());
            GpuQueue a = driver.createQueue();
            GpuQueue b = driver.createQueue();
            launchOverhead(driver, a, table);
            overlap(driver, a, b, table);
            driver.select(driver.ownQueue());
            a.release();
            b.release();
        }
        System.out.println("== summary");
        table.forEach(l -> System.out.println("  " + l));
    }

    private static void launchOverhead(CudaDriver driver, GpuQueue created, List<String> table) {
        GpuKernel tiny = driver.build("tiny", TINY, List.of()).kernel("tiny").orElseThrow();
        DeviceBuffer one = driver.allocate(4);
        driver.write(HostArray.of(new float[1]), 0, one, 0, 1);
        Object[] args = {one};
        long[] grid = {1, 1, 1};
        long[] block = {1, 1, 1};
        driver.select(driver.ownQueue());
        double[] legacy = batches(() -> tiny.launch(grid, block, 0, args), driver::synchronize);
        driver.select(created);
        double[] stream = batches(() -> tiny.launch(grid, block, 0, args), created::synchronize);
        long[] events = new long[2000];
        for (int k = 0; k < events.length; k++) {
            long t = System.nanoTime();
            GpuMarker m = created.record();
            m.isDone();
            m.release();
            events[k] = System.nanoTime() - t;
        }
        Arrays.sort(events);
        driver.select(driver.ownQueue());
        float[] count = new float[1];
        driver.read(one, 0, HostArray.of(count), 0, 1);
        long expected = 2L * (BATCHES + 2) * BATCH;
        table.add(String.format(Locale.ROOT, "tiny cached kernel, legacy stream: %.2f us per launch to enqueue, %.2f us"
                + " to complete", legacy[0], legacy[1]));
        table.add(String.format(Locale.ROOT, "tiny cached kernel, created stream: %.2f us per launch to enqueue, %.2f us"
                + " to complete", stream[0], stream[1]));
        table.add(String.format(Locale.ROOT, "event record + query + destroy: %.2f us median", events[events.length / 2] / 1e3));
        table.add((count[0] == expected ? "check: " : "WRONG: ") + "tiny ran " + (long) count[0] + " times (expected "
                + expected + ")");
        one.release();
    }

    private static final int BATCHES = 7;

    private static double[] batches(Runnable launch, Runnable synchronize) {
        for (int k = 0; k < 2 * BATCH; k++) {
            launch.run();
        }
        synchronize.run();
        double[] enqueue = new double[BATCHES];
        double[] complete = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = System.nanoTime();
            for (int k = 0; k < BATCH; k++) {
                launch.run();
            }
            long enqueued = System.nanoTime();
            synchronize.run();
            enqueue[b] = (enqueued - start) / 1e3 / BATCH;
            complete[b] = (System.nanoTime() - start) / 1e3 / BATCH;
        }
        Arrays.sort(enqueue);
        Arrays.sort(complete);
        return new double[] {enqueue[BATCHES / 2], complete[BATCHES / 2]};
    }

    private static void overlap(CudaDriver driver, GpuQueue a, GpuQueue b, List<String> table) {
        int n = COPY_MIB << 18; // floats
        PinnedMemory pinned = driver.allocatePinned(4L * n);
        FloatBuffer values = pinned.buffer().asFloatBuffer();
        for (int i = 0; i < n; i++) {
            values.put(i, i % 1000);
        }
        HostArray source = HostArray.direct(ScalarType.FLOAT32, values);
        float[] heap = new float[n];
        values.get(0, heap);
        DeviceBuffer target = driver.allocate(4L * n);
        int threads = BLOCKS * THREADS;
        DeviceBuffer work = driver.allocate(4L * threads);
        GpuKernel spin = driver.build("spin", SPIN, List.of()).kernel("spin").orElseThrow();

        driver.select(a);
        long copy = median(() -> timed(() -> driver.writeAsync(source, 0, target, 0, n), a::synchronize));
        int iterations = calibrate(driver, b, spin, work, threads, copy);
        Runnable kernel = () -> spin.launch(new long[] {BLOCKS, 1, 1}, new long[] {THREADS, 1, 1}, 0,
                new Object[] {work, iterations});
        driver.select(b);
        long compute = median(() -> timed(kernel, b::synchronize));
        long together = median(() -> timed(() -> {
            driver.select(a);
            driver.writeAsync(source, 0, target, 0, n);
            driver.select(b);
            kernel.run();
        }, driver::synchronize));
        driver.select(a);
        long oneStream = median(() -> timed(() -> {
            driver.writeAsync(source, 0, target, 0, n);
            kernel.run();
        }, a::synchronize));
        long fromHeap = median(() -> timed(() -> {
            driver.select(b);
            kernel.run();
            driver.select(a);
            driver.writeAsync(HostArray.of(heap), 0, target, 0, n);
        }, driver::synchronize));
        driver.select(driver.ownQueue());

        double sum = copy + compute;
        table.add(String.format(Locale.ROOT, "H2D copy of %d MiB from pinned memory alone: %.3f ms (%.1f GB/s)", COPY_MIB,
                copy / 1e6, 4.0 * n / copy));
        table.add(String.format(Locale.ROOT, "compute kernel alone (%d blocks x %d threads, %d iterations): %.3f ms", BLOCKS,
                THREADS, iterations, compute / 1e6));
        table.add(String.format(Locale.ROOT, "overlap: copy in stream A + kernel in stream B together %.3f ms, %.2f of"
                + " the sum %.3f ms (1.00: no overlap; ideal %.2f)", together / 1e6, together / sum, sum / 1e6,
                Math.max(copy, compute) / sum));
        table.add(String.format(Locale.ROOT, "control, both in one stream: %.3f ms, %.2f of the sum", oneStream / 1e6,
                oneStream / sum));
        table.add(String.format(Locale.ROOT, "control, the copy from a Java array (synchronous): %.3f ms, %.2f of the sum",
                fromHeap / 1e6, fromHeap / sum));
        table.add(checkCopy(driver, target, n));
        table.add(checkKernel(driver, spin, work, threads, iterations));
        pinned.release();
        target.release();
        work.release();
    }

    /** Iterations for the kernel to take about {@code nanos}: doubled until it takes a tenth, then scaled. */
    private static int calibrate(CudaDriver driver, GpuQueue b, GpuKernel spin, DeviceBuffer work, int threads,
                                 long nanos) {
        driver.write(HostArray.of(new float[threads]), 0, work, 0, threads);
        driver.select(b);
        int iterations = 1024;
        while (true) {
            int it = iterations;
            long t = median(() -> timed(() -> spin.launch(new long[] {BLOCKS, 1, 1}, new long[] {THREADS, 1, 1}, 0,
                    new Object[] {work, it}), b::synchronize));
            if (t >= nanos / 10 || iterations >= 1 << 28) {
                return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (long) ((double) iterations * nanos / t)));
            }
            iterations *= 2;
        }
    }

    private static String checkCopy(CudaDriver driver, DeviceBuffer target, int n) {
        int[] at = {0, 1, 999, 1000, n / 2 + 7, n - 1};
        float[] one = new float[1];
        for (int i : at) {
            driver.read(target, 4L * i, HostArray.of(one), 0, 1);
            if (one[0] != i % 1000) {
                return "WRONG: copied value at " + i + " is " + one[0] + ", expected " + (i % 1000);
            }
        }
        return "check: copied values at " + Arrays.toString(at) + " arrived";
    }

    /** The spin kernel's fixed point is 1: after k steps from v, 1 + (v - 1) 0.999^k (a host reference). */
    private static String checkKernel(CudaDriver driver, GpuKernel spin, DeviceBuffer work, int threads,
                                      int iterations) {
        driver.select(driver.ownQueue());
        driver.write(HostArray.of(new float[threads]), 0, work, 0, threads);
        int steps = Math.min(iterations, 5000);
        spin.launch(new long[] {BLOCKS, 1, 1}, new long[] {THREADS, 1, 1}, 0, new Object[] {work, steps});
        float[] out = new float[threads];
        driver.read(work, 0, HostArray.of(out), 0, threads);
        double expected = 1 - Math.pow(0.999, steps);
        for (int i = 0; i < threads; i++) {
            if (Math.abs(out[i] - expected) > 1e-3) {
                return "WRONG: spin kernel value " + out[i] + " at " + i + ", expected " + expected;
            }
        }
        return "check: spin kernel values match the host reference (" + steps + " steps)";
    }

    private static long timed(Runnable work, Runnable synchronize) {
        long t = System.nanoTime();
        work.run();
        synchronize.run();
        return System.nanoTime() - t;
    }

    /** The median of {@value #RUNS} runs after two of warm-up. */
    private static long median(LongSupplier run) {
        run.getAsLong();
        run.getAsLong();
        long[] t = new long[RUNS];
        for (int k = 0; k < RUNS; k++) {
            t[k] = run.getAsLong();
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }
}
