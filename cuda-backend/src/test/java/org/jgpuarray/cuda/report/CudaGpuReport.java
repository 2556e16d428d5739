package org.jgpuarray.cuda.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.spi.HostArray;

/**
 * The GPU validation report: which JCuda natives load, which compilers the backend finds, the device,
 * then the launch overhead of a cached tiny kernel and the effective bandwidth of {@code c = a*x + b*y}
 * and {@code sum} over 2^26 floats against a device-to-device copy, each the median of many runs timed
 * with CUDA events after a warm-up. Run it on the GPU machine:
 * {@code .gpu/java -cp '.gpu/lib/*:.gpu/test-classes/cuda-backend:.gpu/test-classes/gpuarray' org.jgpuarray.cuda.report.CudaGpuReport}
 */
public final class CudaGpuReport {
    private static final long N = 1L << 26;
    private static final int RUNS = 50;
    private static final int WARMUP = 5;

    private CudaGpuReport() {
    }

    /**
     * Prints the report; {@code args[0]} may set the number of timed runs, or be {@code natives} to
     * print only which native libraries and compilers load.
     */
    public static void main(String[] args) {
        System.out.println("== native libraries and compilers");
        NativeLibraryReport.lines().forEach(l -> System.out.println("  " + l));
        if (args.length > 0 && args[0].equals("natives")) {
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
        BackendProbe probe = new CudaBackend().probe();
        System.out.println("== CUDA probe: " + (probe.available() ? "available" : "unavailable: " + probe.reason()));
        if (!probe.available()) {
            return;
        }
        probe.devices().forEach(d -> System.out.println("  " + d + "\n  " + d.properties()));
        List<String> table = new ArrayList<>();
        try (BackendDevice device = new CudaBackend().open(0)) {
            bandwidth(device, runs, table);
            launchOverhead(device, table);
        }
        try (GpuContext ctx = GpuContext.create("cuda")) {
            publicApiOverhead(ctx, table);
        }
        System.out.println("== summary");
        table.forEach(l -> System.out.println("  " + l));
    }

    private static void bandwidth(BackendDevice device, int runs, List<String> table) {
        DeviceBuffer x = device.allocate(ScalarType.FLOAT32, N);
        DeviceBuffer y = device.allocate(ScalarType.FLOAT32, N);
        DeviceBuffer c = device.allocate(ScalarType.FLOAT32, N);
        DeviceBuffer total = device.allocate(ScalarType.FLOAT32, 1);
        CompiledElementwise fill = device.compile(ElementwiseSpec.of("report_fill", "float *x, int seed",
                "x[i] = (float) (((unsigned int) i * 2654435761u + (unsigned int) seed * 40503u) >> 8) * (1.0f / 16777216.0f) - 0.5f"));
        fill.launch(N, new Object[] {x, 1});
        fill.launch(N, new Object[] {y, 2});
        fill.launch(N, new Object[] {c, 3});
        CompiledElementwise axpby = device.compile(ElementwiseSpec.of("axpby", "float a, float *x, float b, float *y, float *c",
                "c[i] = a*x[i] + b*y[i]"));
        CompiledReduction sum = device.compile(new ReductionSpec("sum_float32", ScalarType.FLOAT32, "0", "a + b", "x[i]",
                ArgumentList.parse("float *x"), ""));
        double copy = median(device, runs, () -> device.copyOnDevice(x, 0, c, 0, 4 * N));
        double axpbyTime = median(device, runs, () -> axpby.launch(N, new Object[] {2f, x, 3f, y, c}));
        double sumTime = median(device, runs, () -> sum.launch(N, new Object[] {x}, total));
        double copyGbs = 8.0 * N / copy;
        double axpbyGbs = 12.0 * N / axpbyTime;
        double sumGbs = 4.0 * N / sumTime;
        table.add(String.format(Locale.ROOT, "cuMemcpyDtoD 2^26 floats: %.3f ms, %.0f GB/s (read+write)", copy / 1e6, copyGbs));
        table.add(String.format(Locale.ROOT, "c = a*x + b*y 2^26 floats: %.3f ms, %.0f GB/s = %.1f%% of the copy",
                axpbyTime / 1e6, axpbyGbs, 100 * axpbyGbs / copyGbs));
        table.add(String.format(Locale.ROOT, "sum 2^26 floats: %.3f ms, %.0f GB/s = %.1f%% of the copy",
                sumTime / 1e6, sumGbs, 100 * sumGbs / copyGbs));
        check(device, x, y, c, total);
        for (DeviceBuffer b : new DeviceBuffer[] {x, y, c, total}) {
            b.release();
        }
    }

    /** Checks the last axpby and sum against float64 host references, and prints the errors. */
    private static void check(BackendDevice device, DeviceBuffer x, DeviceBuffer y, DeviceBuffer c, DeviceBuffer total) {
        int n = (int) N;
        float[] hx = new float[n];
        float[] hy = new float[n];
        float[] hc = new float[n];
        float[] ht = new float[1];
        device.copyToHost(x, 0, HostArray.of(hx), 0, n);
        device.copyToHost(y, 0, HostArray.of(hy), 0, n);
        device.copyToHost(c, 0, HostArray.of(hc), 0, n);
        device.copyToHost(total, 0, HostArray.of(ht), 0, 1);
        double worst = 0;
        double sum = 0;
        double abs = 0;
        for (int k = 0; k < n; k++) {
            double e = 2.0 * hx[k] + 3.0 * hy[k];
            worst = Math.max(worst, Math.abs(hc[k] - e) / Math.max(1e-3, Math.abs(e)));
            sum += hx[k];
            abs += Math.abs(hx[k]);
        }
        System.out.printf(Locale.ROOT, "== check: axpby max relative error %.2e; sum %.6f vs float64 %.6f (error %.2e of sum|x|)%n",
                worst, ht[0], sum, Math.abs(ht[0] - sum) / abs);
    }

    private static void launchOverhead(BackendDevice device, List<String> table) {
        DeviceBuffer one = device.allocate(ScalarType.FLOAT32, 1);
        CompiledElementwise tiny = device.compile(ElementwiseSpec.of("tiny", "float *x", "x[i] = x[i] + 1.0f"));
        Object[] args = {one};
        double[] perLaunch = batches(() -> tiny.launch(1, args), device::synchronize);
        long[] roundTrips = new long[5000];
        for (int k = 0; k < roundTrips.length; k++) {
            long t = System.nanoTime();
            tiny.launch(1, args);
            device.synchronize();
            roundTrips[k] = System.nanoTime() - t;
        }
        Arrays.sort(roundTrips);
        table.add(String.format(Locale.ROOT, "tiny cached kernel through the SPI: %.2f us per launch to enqueue, %.2f us per"
                        + " launch to complete (median of %d batches of %d back-to-back launches); %.2f us median"
                        + " launch+synchronize", perLaunch[0], perLaunch[1], BATCHES, BATCH,
                roundTrips[roundTrips.length / 2] / 1e3));
        one.release();
    }

    private static void publicApiOverhead(GpuContext ctx, List<String> table) {
        ElementwiseKernel tiny = ctx.elementwiseKernel("float *x", "x[i] = x[i] + 1.0f", "tiny_api");
        try (GPUArray x = ctx.zeros(DType.FLOAT32, 1)) {
            double[] perLaunch = batches(() -> tiny.call(x), ctx::synchronize);
            table.add(String.format(Locale.ROOT, "tiny cached kernel through ElementwiseKernel.call: %.2f us per launch to"
                    + " enqueue, %.2f us to complete", perLaunch[0], perLaunch[1]));
            long expected = (long) (BATCHES + 2) * BATCH;
            table.add("check: tiny_api ran " + (long) x.toFloatArray()[0] + " times (expected " + expected + ")");
        }
    }

    private static final int BATCH = 10000;
    private static final int BATCHES = 7;

    /**
     * Microseconds per launch to enqueue and to complete: the medians over {@link #BATCHES} batches of
     * {@link #BATCH} launches, after two batches of warm-up (the JIT compiles the Java path).
     */
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
            long done = System.nanoTime();
            enqueue[b] = (enqueued - start) / 1e3 / BATCH;
            complete[b] = (done - start) / 1e3 / BATCH;
        }
        Arrays.sort(enqueue);
        Arrays.sort(complete);
        return new double[] {enqueue[BATCHES / 2], complete[BATCHES / 2]};
    }

    /** The median device time, in ns, of {@code runs} timed runs after a warm-up. */
    private static double median(BackendDevice device, int runs, Runnable op) {
        for (int k = 0; k < WARMUP; k++) {
            op.run();
        }
        device.synchronize();
        long[] times = new long[runs];
        for (int k = 0; k < runs; k++) {
            DeviceTimer timer = device.startTimer();
            op.run();
            times[k] = timer.stopNanos();
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
