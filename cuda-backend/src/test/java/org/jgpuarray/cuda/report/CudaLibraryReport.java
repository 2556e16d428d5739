package org.jgpuarray.cuda.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.blas.Transpose;
import org.jgpuarray.random.GpuRandom;
import org.jgpuarray.device.DeviceTimer;

/**
 * The vendor-library part of the GPU validation report: what {@code ctx.blas()}, {@code ctx.fft()} and
 * the device random library run here, then GEMM (4096^3, float32 and float64), FFTs (complex64 1-D
 * 2^24, 1024 batches of 4096, 2-D 4096 x 4096) and random numbers (2^26 float32) through the public API,
 * each the median of {@value #RUNS} runs timed with CUDA events after a warm-up, with a correctness
 * check. The CuPy peer is {@code src/test/python/cupy_library_peer.py}. Run it on the GPU machine:
 * {@code .gpu/java -cp '.gpu/lib/*:.gpu/test-classes/cuda-backend:.gpu/test-classes/gpuarray' org.jgpuarray.cuda.report.CudaLibraryReport}
 */
public final class CudaLibraryReport {
    private static final int RUNS = 20;
    private static final int N = 4096;

    private CudaLibraryReport() {
    }

    /** Prints the report. */
    public static void main(String[] args) {
        try (GpuContext ctx = GpuContext.create("cuda")) {
            System.out.println("== " + ctx.device() + "\n  cublas: " + ctx.device().properties().get("cublas")
                    + "\n  cufft: " + ctx.device().properties().get("cufft") + "\n  curand: "
                    + ctx.device().properties().get("curand"));
            System.out.println("  blas: " + ctx.blas().implementation() + "\n  fft: " + ctx.fft().implementation()
                    + "\n  device random: " + ctx.random(1).deviceLibrary().map(GpuRandom::implementation).orElse("none"));
            gemm(ctx, DType.FLOAT32);
            gemm(ctx, DType.FLOAT64);
            fft(ctx, "1-D 2^24", 1 << 24);
            fft(ctx, "1024 x 1-D 4096", 1024, 4096);
            fft(ctx, "2-D 4096 x 4096", 4096, 4096);
            random(ctx);
        }
    }

    private static void gemm(GpuContext ctx, DType type) {
        Random r = new Random(1);
        double[] a = new double[N * N];
        double[] b = new double[N * N];
        Arrays.setAll(a, i -> r.nextDouble() - 0.5);
        Arrays.setAll(b, i -> r.nextDouble() - 0.5);
        try (GPUArray a64 = ctx.toGpu(a, N, N); GPUArray b64 = ctx.toGpu(b, N, N); GPUArray ga = a64.astype(type);
             GPUArray gb = b64.astype(type); GPUArray gc = ctx.zeros(type, N, N)) {
            double ns = median(ctx, () -> ctx.blas().gemm(Transpose.NONE, Transpose.NONE, 1, ga, gb, 0, gc));
            double[] c = gc.toDoubleArray();
            double worst = 0;
            for (int k = 0; k < 64; k++) {
                int i = r.nextInt(N);
                int j = r.nextInt(N);
                double exact = 0;
                for (int p = 0; p < N; p++) {
                    exact += a[i * N + p] * b[p * N + j];
                }
                worst = Math.max(worst, Math.abs(c[i * N + j] - exact));
            }
            System.out.printf(Locale.ROOT, "gemm %s %d^3: %.3f ms, %.1f TFLOP/s (max abs error of 64 sampled entries"
                    + " %.1e)%n", type.numpyName(), N, ns / 1e6, 2.0 * N * N * N / ns / 1e3, worst);
        }
    }

    private static void fft(GpuContext ctx, String what, long... shape) {
        long count = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        float[] x = new float[(int) (2 * count)];
        Random r = new Random(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() - 0.5f;
        }
        boolean twoD = shape.length == 2 && shape[0] == shape[1];
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX64, x, shape)) {
            double ns = median(ctx, () -> (twoD ? ctx.fft().fft2(g) : ctx.fft().fft(g)).close());
            double worst;
            try (GPUArray f = twoD ? ctx.fft().fft2(g) : ctx.fft().fft(g);
                 GPUArray back = twoD ? ctx.fft().ifft2(f) : ctx.fft().ifft(f)) {
                float[] y = back.toFloatArray();
                worst = 0;
                for (int i = 0; i < y.length; i++) {
                    worst = Math.max(worst, Math.abs(y[i] - x[i]));
                }
            }
            System.out.printf(Locale.ROOT, "fft complex64 %s: %.3f ms, %.0f GB/s counting one read and one write"
                    + " (round trip max abs error %.1e)%n", what, ns / 1e6, 16.0 * count / ns, worst);
        }
    }

    private static void random(GpuContext ctx) {
        long n = 1L << 26;
        GpuRandom philox = ctx.random(3);
        double portable = median(ctx, () -> philox.uniform(DType.FLOAT32, n).close());
        System.out.printf(Locale.ROOT, "uniform float32 2^26, %s: %.3f ms, %.0f GB/s written%n", philox.implementation(),
                portable / 1e6, 4.0 * n / portable);
        philox.deviceLibrary().ifPresent(vendor -> {
            double ns = median(ctx, () -> vendor.uniform(DType.FLOAT32, n).close());
            System.out.printf(Locale.ROOT, "uniform float32 2^26, %s: %.3f ms, %.0f GB/s written%n",
                    vendor.implementation(), ns / 1e6, 4.0 * n / ns);
        });
    }

    /** The median device time in ns of {@link #RUNS} runs after three warm-up runs. */
    private static double median(GpuContext ctx, Runnable op) {
        for (int k = 0; k < 3; k++) {
            op.run();
        }
        ctx.synchronize();
        long[] times = new long[RUNS];
        for (int k = 0; k < RUNS; k++) {
            DeviceTimer timer = ctx.startTimer();
            op.run();
            times[k] = timer.stopNanos();
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
