package org.jgpuarray.cuda.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.device.BackendProbe;

/**
 * The GPU validation report on the memory pool (issue 12), through the public API on CUDA: {@code c = 2*x + 5*y}
 * op by op ({@code x.mul(2).add(y.mul(5))}: three kernels, three new arrays, closed at once) against one
 * {@link ElementwiseKernel} into an existing array, at 2^20 and 2^24 float32, with the pool on and off
 * ({@code -Djgpuarray.memory.pool}). The memory traffic alone (7 array passes against 3) makes about 2.3x;
 * the target is at most 3x. With the pool on, a loop of {@value #CHAINS} chains after the warm-up must ask
 * the driver for no memory ({@code deviceAllocations}). Its CuPy peer ({@code bench/cupy_peer.py --pool})
 * measures the same with CuPy's {@code MemoryPool} and its {@code MemoryAsyncPool} (the driver's
 * {@code cuMemAllocAsync}), which tells whether the driver's stream-ordered allocator would beat a pool of our
 * own on this GPU. Each figure is the median of {@value #RUNS} alternated runs, each waiting for the device;
 * both results are checked against a float64 host reference. Run on the GPU machine:
 * {@code .gpu/java -cp '.gpu/lib/*:.gpu/test-classes/cuda-backend:.gpu/test-classes/gpuarray'
 * org.jgpuarray.cuda.report.CudaPoolReport}
 */
public final class CudaPoolReport {
    private static final int RUNS = 41;
    private static final int CHAINS = 2_000;
    private static final int[] SIZES = {1 << 20, 1 << 24};

    private CudaPoolReport() {
    }

    /** Prints the report; ends with {@code == summary} and one line per size and pool setting. */
    public static void main(String[] args) {
        BackendProbe probe = new CudaBackend().probe();
        System.out.println("== CUDA probe: " + (probe.available() ? "available" : "unavailable: " + probe.reason()));
        if (!probe.available()) {
            return;
        }
        List<String> table = new ArrayList<>();
        for (boolean pool : new boolean[] {true, false}) {
            System.setProperty("jgpuarray.memory.pool", Boolean.toString(pool));
            try (GpuContext ctx = GpuContext.create(CudaBackend.NAME)) {
                if (pool) {
                    System.out.println("  " + ctx.device());
                }
                for (int n : SIZES) {
                    table.add(measure(ctx, n));
                }
            }
        }
        System.clearProperty("jgpuarray.memory.pool");
        System.out.println("== summary");
        table.forEach(l -> System.out.println("  " + l));
    }

    private static String measure(GpuContext ctx, int n) {
        SplittableRandom random = new SplittableRandom(n);
        float[] hx = new float[n];
        float[] hy = new float[n];
        for (int i = 0; i < n; i++) {
            hx[i] = (float) random.nextDouble(-1, 1);
            hy[i] = (float) random.nextDouble(-1, 1);
        }
        String pool = ctx.memoryPool().isEnabled() ? "on" : "off";
        try (GPUArray x = ctx.toGpu(hx); GPUArray y = ctx.toGpu(hy); GPUArray c = ctx.full(DType.FLOAT32, -7777, n)) {
            ElementwiseKernel linear = ctx.elementwiseKernel("float a, float *x, float b, float *y, float *c",
                    "c[i] = a*x[i] + b*y[i]", "pool_report_linear");
            linear.call(2f, x, 5f, y, c);
            String check = check(hx, hy, c.toFloatArray(), "fused");
            try (GPUArray sum = opByOp(x, y)) {
                check = check.isEmpty() ? check(hx, hy, sum.toFloatArray(), "op by op") : check;
            }
            double[] fused = new double[RUNS];
            double[] chained = new double[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long t0 = System.nanoTime();
                linear.call(2f, x, 5f, y, c);
                ctx.synchronize();
                long t1 = System.nanoTime();
                opByOp(x, y).close();
                ctx.synchronize();
                long t2 = System.nanoTime();
                fused[r] = (t1 - t0) / 1e6;
                chained[r] = (t2 - t1) / 1e6;
            }
            long before = ctx.memoryPool().deviceAllocations();
            for (int k = 0; k < CHAINS; k++) {
                opByOp(x, y).close();
            }
            ctx.synchronize();
            long allocations = ctx.memoryPool().deviceAllocations() - before;
            double f = median(fused);
            double o = median(chained);
            String line = String.format(Locale.ROOT, "pool %s n=2^%d: fused %.3f ms, op by op %.3f ms, ratio %.2f"
                    + " (target <= 3, traffic alone 2.33); device allocations in %d chains after warm-up: %d%s",
                    pool, Integer.numberOfTrailingZeros(n), f, o, o / f, CHAINS, allocations,
                    check.isEmpty() ? "" : "  WRONG: " + check);
            System.out.println(line);
            return line;
        }
    }

    /** {@code x.mul(2).add(y.mul(5))}, the temporaries closed at once. */
    private static GPUArray opByOp(GPUArray x, GPUArray y) {
        try (GPUArray ax = x.mul(2.0); GPUArray by = y.mul(5.0)) {
            return ax.add(by);
        }
    }

    /** "" when {@code got} is 2x + 5y within float32 rounding, else what is wrong. */
    private static String check(float[] x, float[] y, float[] got, String what) {
        for (int i = 0; i < x.length; i++) {
            double expected = 2.0 * x[i] + 5.0 * y[i];
            if (!(Math.abs(got[i] - expected) <= 1e-5 * (Math.abs(expected) + 1))) {
                return what + " element " + i + " is " + got[i] + ", expected " + expected;
            }
        }
        return "";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
