package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Locale;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.DeviceTimer;

/**
 * The book's GPU matrix multiplication against the CPU: a 256x256 float32 product on the device with
 * {@code A.matmul(B)} (the context's BLAS: cuBLAS, the portable tiled kernels or the Java BLAS) and with
 * a plain Java loop, timed and compared.
 */
final class GemmRecipe implements Recipe {
    private static final int N = 256;
    /** Untimed runs first, so that neither side is timed compiling (kernels, or Java code in the JIT). */
    private static final int WARMUP = 5;

    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public String title() {
        return "GEMM C = A B on the device (ctx.blas()) vs the CPU (256x256 float32)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        HostRandom random = new HostRandom(256);
        float[] a = random.rand(N * N);
        float[] b = random.rand(N * N);
        float[] c;
        long deviceNanos;
        try (GPUArray aGpu = context.toGpu(a, N, N);
             GPUArray bGpu = context.toGpu(b, N, N)) {
            for (int k = 0; k < WARMUP; k++) {
                aGpu.matmul(bGpu).close(); // compiles, and lets the JIT compile the CPU backend's GEMM
            }
            DeviceTimer timer = context.startTimer();
            try (GPUArray cGpu = aGpu.matmul(bGpu)) {
                deviceNanos = timer.stopNanos();
                c = cGpu.toFloatArray();
            }
        }
        for (int k = 0; k < WARMUP; k++) {
            HostMath.matmul(a, b, N, N, N);
        }
        long t0 = System.nanoTime();
        float[] cpu = HostMath.matmul(a, b, N, N, N);
        long cpuNanos = System.nanoTime() - t0;
        double flops = 2.0 * N * N * N;
        out.printf(Locale.ROOT, "Matrix size: %d x %d, float32%n", N, N);
        out.printf(Locale.ROOT, "BLAS: %s%n", context.blas().implementation());
        out.printf(Locale.ROOT, "%s time: %.3f ms (%.2f GFLOP/s)%n", context.backendName(), deviceNanos / 1e6,
                flops / deviceNanos);
        out.printf(Locale.ROOT, "CPU time (plain Java loop, 1 thread): %.3f ms (%.2f GFLOP/s)%n", cpuNanos / 1e6,
                flops / cpuNanos);
        double worst = HostMath.maxAbsDifference(c, cpu);
        out.printf(Locale.ROOT, "max |C_device - C_cpu| = %.3g%n", worst);
        return Outcome.check(HostMath.allclose(c, cpu, 1e-4, 1e-4),
                String.format(Locale.ROOT, "allclose(C_device, C_cpu, rtol=1e-4): max |difference| %.3g", worst));
    }
}
