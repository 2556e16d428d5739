package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.RawKernel;
import org.jgpuarray.SourceModule;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both branches of the contiguous OpenCL elementwise kernel: the loop-free one, taken when the launch has
 * exactly one work-item per element, and the grid-stride loop, taken when the launch has fewer work-items
 * than elements (several elements each) or more (the last group's extra work-items do nothing). The
 * generated program is launched by hand with each shape of grid, and through the public API, whose launch
 * geometry picks the grid, at awkward sizes. The snippet skips some elements with a top-level
 * {@code continue}, which must keep their poison in both branches. References are float64 on the host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("opencl")
class OpenClLoopFreeElementwiseTest {
    private static final long SEED = 20261207L;
    private static final double POISON = -7777.25;
    private static final double A = 1.5;
    private static final double B = -0.75;
    private static final String ARGUMENTS = "double a, double *x, double b, double *y, double *z";
    private static final String OPERATION = "if (x[i] < -0.5) continue;\nz[i] = a*x[i] + b*y[i]";
    private static final long[] SIZES = {0, 1, 3, 63, 64, 65, 255, 256, 257, 1023, 1024, 1025, 64 * 3, 1_000_000,
            1_000_003, 1 << 20};

    private GpuContext ctx;

    @BeforeAll
    void open() {
        OpenClTestDevices.assumeOpenCl();
        ctx = GpuContext.create("opencl");
    }

    @AfterAll
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    /** One work-item per element, fewer, and more, each launched by hand. */
    @Test
    void everyGridShapeGivesTheSameAnswers() {
        CSource source = CSourceGenerator.elementwise(ElementwiseSpec.of("loop_free_axpy", ARGUMENTS, OPERATION),
                Dialect.OPENCL);
        assertTrue(source.source().contains("get_global_size(0) == n"), "the OpenCL source has the loop-free branch");
        try (SourceModule module = ctx.sourceModule(source.source())) {
            RawKernel kernel = module.function(source.kernelNames().get(0));
            for (long n : SIZES) {
                if (n == 0) {
                    continue; // a launch needs at least one work-item; n = 0 is covered through the API below
                }
                int local = (int) Math.min(64, Long.lowestOneBit(n));
                check(n, "exact cover, groups of " + local, (x, y, z) -> kernel.launch(
                        new long[] {n / local}, new long[] {local}, A, x, B, y, z, n));
                check(n, "three groups of 64 (loop)", (x, y, z) -> kernel.launch(
                        new long[] {3}, new long[] {64}, A, x, B, y, z, n));
                check(n, "one group too many (loop)", (x, y, z) -> kernel.launch(
                        new long[] {(n + 63) / 64 + 1}, new long[] {64}, A, x, B, y, z, n));
            }
        }
    }

    /** The launch geometry's own grids, whole groups or not. */
    @Test
    void elementwiseKernelAtAwkwardSizes() {
        ElementwiseKernel kernel = ctx.elementwiseKernel(ARGUMENTS, OPERATION, "loop_free_axpy_api");
        for (long n : SIZES) {
            check(n, "launch geometry", (x, y, z) -> kernel.call(A, x, B, y, z));
        }
    }

    /** A built-in binary operation (the same generator) at awkward sizes, float32 against a float64 sum. */
    @Test
    void builtInAddAtAwkwardSizes() {
        for (long n : SIZES) {
            SplittableRandom random = new SplittableRandom(SEED + n);
            float[] a = new float[(int) n];
            float[] b = new float[(int) n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) (random.nextDouble() * 200 - 100);
                b[i] = (float) (random.nextDouble() * 200 - 100);
            }
            try (GPUArray ga = ctx.toGpu(a); GPUArray gb = ctx.toGpu(b); GPUArray out = ctx.empty(DType.FLOAT32, n)) {
                out.fill(Float.NaN);
                ga.add(gb, out);
                float[] got = out.toFloatArray();
                assertEquals(n, got.length);
                for (int i = 0; i < n; i++) {
                    double expected = (double) a[i] + (double) b[i];
                    assertEquals(expected, got[i], 1e-5 * Math.max(1, Math.abs(expected)),
                            "n=" + n + " element " + i + " (seed " + (SEED + n) + ")");
                }
            }
        }
    }

    /**
     * Index spaces of two dimensions, whose row loop also runs loop-free when the launch covers the elements
     * exactly: the launch geometry's smaller groups (64 to 512 work-items where 1024 does not divide the count)
     * meet rows that are, or are not, a whole number of groups long. A broadcast row and a transposed operand.
     */
    @Test
    void broadcastAndTransposedOperandsWithSmallerGroups() {
        long[][] shapes = {{3, 320}, {5, 4160}, {7, 96}, {2, 1000}, {3, 3}, {1, 64}, {513, 2}};
        for (long[] shape : shapes) {
            int rows = (int) shape[0];
            int cols = (int) shape[1];
            long seed = SEED + rows * 100_003L + cols;
            SplittableRandom random = new SplittableRandom(seed);
            float[] a = new float[rows * cols];
            float[] row = new float[cols];
            float[] t = new float[cols * rows];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (random.nextDouble() * 20 - 10);
                t[i] = (float) (random.nextDouble() * 20 - 10);
            }
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (random.nextDouble() * 20 - 10);
            }
            try (GPUArray ga = ctx.toGpu(a, rows, cols); GPUArray grow = ctx.toGpu(row, cols);
                    GPUArray gt = ctx.toGpu(t, cols, rows); GPUArray out = ctx.empty(DType.FLOAT32, rows, cols)) {
                out.fill(Float.NaN);
                ga.add(grow, out);
                float[] got = out.toFloatArray();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        double expected = (double) a[i * cols + j] + (double) row[j];
                        assertEquals(expected, got[i * cols + j], 1e-5 * Math.max(1, Math.abs(expected)),
                                "broadcast row, shape (" + rows + ", " + cols + ") at (" + i + ", " + j + ") (seed "
                                        + seed + ")");
                    }
                }
                out.fill(Float.NaN);
                ga.add(gt.T(), out);
                got = out.toFloatArray();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        double expected = (double) a[i * cols + j] + (double) t[j * rows + i];
                        assertEquals(expected, got[i * cols + j], 1e-5 * Math.max(1, Math.abs(expected)),
                                "transposed, shape (" + rows + ", " + cols + ") at (" + i + ", " + j + ") (seed "
                                        + seed + ")");
                    }
                }
            }
        }
    }

    /** A snippet that defines a label runs over a broadcast (two-dimensional) index space too, and in 1-D. */
    @Test
    void labelledSnippetOverRowsAndFlat() {
        ElementwiseKernel kernel = ctx.elementwiseKernel("float *z, float *x, float *y",
                "goto done; done: z[i] = x[i] - y[i]", "labelled_rows");
        int rows = 3;
        int cols = 320;
        SplittableRandom random = new SplittableRandom(SEED);
        float[] x = new float[rows * cols];
        float[] y = new float[cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        for (int j = 0; j < cols; j++) {
            y[j] = (float) random.nextDouble();
        }
        try (GPUArray gx = ctx.toGpu(x, rows, cols); GPUArray gy = ctx.toGpu(y, cols);
                GPUArray flat = ctx.toGpu(y, cols); GPUArray z = ctx.empty(DType.FLOAT32, rows, cols);
                GPUArray zFlat = ctx.empty(DType.FLOAT32, cols)) {
            z.fill(Float.NaN);
            kernel.call(z, gx, gy);
            float[] got = z.toFloatArray();
            for (int k = 0; k < x.length; k++) {
                assertEquals((double) x[k] - (double) y[k % cols], got[k], 1e-6, "element " + k + " of (3, 320)");
            }
            zFlat.fill(Float.NaN);
            kernel.call(zFlat, flat, gy);
            float[] gotFlat = zFlat.toFloatArray();
            for (int j = 0; j < cols; j++) {
                assertEquals(0.0, gotFlat[j], 0.0, "element " + j + " of (320,)");
            }
        }
    }

    @FunctionalInterface
    private interface Launch {
        void run(GPUArray x, GPUArray y, GPUArray z);
    }

    private void check(long n, String how, Launch launch) {
        long seed = SEED ^ (n * 31 + how.hashCode());
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[(int) n];
        double[] y = new double[(int) n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
            y[i] = random.nextDouble() * 2 - 1;
        }
        try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y); GPUArray gz = ctx.empty(DType.FLOAT64, n)) {
            gz.fill(POISON);
            launch.run(gx, gy, gz);
            double[] got = gz.toDoubleArray();
            assertEquals(n, got.length);
            for (int i = 0; i < n; i++) {
                double expected = x[i] < -0.5 ? POISON : A * x[i] + B * y[i];
                assertEquals(expected, got[i], 1e-12,
                        "n=" + n + ", " + how + ", element " + i + " (seed " + seed + ")");
            }
        }
    }
}
