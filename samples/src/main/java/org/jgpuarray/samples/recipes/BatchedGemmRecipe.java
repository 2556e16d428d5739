package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.DeviceTimer;

/**
 * The book's GEMM, batched: 256 float32 products of 64x64 matrices as one {@code A.matmul(B)} on
 * {@code (256, 64, 64)} arrays (cuBLAS's strided-batched GEMM, the portable kernel with the batch on the
 * grid's third axis, or the Java GEMM running the matrices in parallel), timed against a loop of 256 2-D
 * products of the same views; then one weight matrix broadcast over the batch ({@code (256, 64, 64) @ (64,
 * 64)}). Every product is checked against the host's, summed in float64.
 */
final class BatchedGemmRecipe implements Recipe {
    private static final int BATCH = 256;
    private static final int N = 64;
    private static final int WARMUP = 3;

    @Override
    public String name() {
        return "batched-gemm";
    }

    @Override
    public String title() {
        return "256 x (64x64 @ 64x64) float32 as one batched matmul vs a loop of 2-D products, and a broadcast B";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        HostRandom random = new HostRandom(64);
        float[] a = random.rand(BATCH * N * N);
        float[] b = random.rand(BATCH * N * N);
        float[] w = random.rand(N * N);
        float[] batched;
        float[] looped;
        float[] shared;
        long batchedNanos;
        long loopNanos;
        try (GPUArray aGpu = context.toGpu(a, BATCH, N, N); GPUArray bGpu = context.toGpu(b, BATCH, N, N);
             GPUArray wGpu = context.toGpu(w, N, N)) {
            for (int k = 0; k < WARMUP; k++) {
                aGpu.matmul(bGpu).close();
                loop(context, aGpu, bGpu).close();
            }
            DeviceTimer timer = context.startTimer();
            try (GPUArray c = aGpu.matmul(bGpu)) {
                batchedNanos = timer.stopNanos();
                batched = c.toFloatArray();
            }
            timer = context.startTimer();
            try (GPUArray c = loop(context, aGpu, bGpu)) {
                loopNanos = timer.stopNanos();
                looped = c.toFloatArray();
            }
            try (GPUArray c = aGpu.matmul(wGpu)) {
                shared = c.toFloatArray();
            }
        }
        double flops = 2.0 * BATCH * N * N * N;
        out.printf(Locale.ROOT, "%d x (%dx%d @ %dx%d), float32, on %s%n", BATCH, N, N, N, N, context.backendName());
        out.printf(Locale.ROOT, "one batched matmul: %.3f ms (%.2f GFLOP/s)%n", batchedNanos / 1e6, flops / batchedNanos);
        out.printf(Locale.ROOT, "loop of %d 2-D matmuls: %.3f ms (%.2f GFLOP/s), %.1fx the batched time%n", BATCH,
                loopNanos / 1e6, flops / loopNanos, (double) loopNanos / batchedNanos);
        double worst = 0;
        boolean ok = true;
        for (int q = 0; q < BATCH; q++) {
            float[] aq = Arrays.copyOfRange(a, q * N * N, (q + 1) * N * N);
            double[] cpu = HostMath.matmulDouble(aq, Arrays.copyOfRange(b, q * N * N, (q + 1) * N * N), N, N, N);
            double[] cpuShared = HostMath.matmulDouble(aq, w, N, N, N);
            for (float[] got : new float[][] {batched, looped}) {
                float[] gq = Arrays.copyOfRange(got, q * N * N, (q + 1) * N * N);
                ok &= HostMath.allclose(gq, cpu, 1e-4, 1e-4);
                worst = Math.max(worst, HostMath.maxAbsDifference(gq, cpu));
            }
            float[] sq = Arrays.copyOfRange(shared, q * N * N, (q + 1) * N * N);
            ok &= HostMath.allclose(sq, cpuShared, 1e-4, 1e-4);
            worst = Math.max(worst, HostMath.maxAbsDifference(sq, cpuShared));
        }
        out.printf(Locale.ROOT, "max |C_device - C_cpu| over the batched, looped and broadcast products = %.3g%n", worst);
        return Outcome.check(ok, String.format(Locale.ROOT,
                "allclose(C_device, C_float64, rtol=1e-4) for all %d x 3 products: max |difference| %.3g", BATCH, worst));
    }

    /** The same products one 2-D matmul at a time, each into its slice of the result. */
    private static GPUArray loop(GpuContext context, GPUArray a, GPUArray b) {
        GPUArray c = context.empty(a.dtype(), BATCH, N, N);
        for (int q = 0; q < BATCH; q++) {
            try (GPUArray aq = a.get(Integer.toString(q)); GPUArray bq = b.get(Integer.toString(q));
                 GPUArray cq = c.get(Integer.toString(q))) {
                aq.matmul(bq, cq);
            }
        }
        return c;
    }
}
