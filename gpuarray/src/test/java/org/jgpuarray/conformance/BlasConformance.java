package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.blas.Blas;
import org.jgpuarray.blas.Transpose;
import org.junit.jupiter.api.Test;

/**
 * BLAS through {@code ctx.blas()} against float64 host references: GEMM in every transpose
 * combination with several alpha/beta pairs and awkward sizes (1x1x1, 17x33x9, 512^3, non-square),
 * outputs poisoned with NaN where beta is 0; GEMV both ways; AXPY, DOT, NRM2 (including magnitudes whose
 * squares overflow or underflow float32); matmul; argument errors.
 */
public abstract class BlasConformance extends ConformanceBase {
    private static final Transpose[] BOTH = Transpose.values();
    private static final double[][] ALPHA_BETA = {{1, 0}, {0.5, 2}, {-1.5, 1}};

    private Blas blas() {
        return ctx.blas();
    }

    @Test
    void reportsItsImplementation() {
        assertFalse(blas().implementation().isBlank());
        System.out.println(getClass().getSimpleName() + ": " + blas().implementation());
    }

    @Test
    void gemmFloat32AllTransposes() {
        int[][] sizes = {{1, 1, 1}, {17, 33, 9}, {64, 48, 80}, {70, 3, 129}, {5, 200, 1}, {130, 1, 66}};
        for (int[] mnk : sizes) {
            for (Transpose ta : BOTH) {
                for (Transpose tb : BOTH) {
                    for (double[] ab : ALPHA_BETA) {
                        checkGemm(DType.FLOAT32, mnk[0], mnk[1], mnk[2], ta, tb, ab[0], ab[1]);
                    }
                }
            }
        }
    }

    @Test
    void gemmFloat64AllTransposes() {
        assumeFp64();
        int[][] sizes = {{1, 1, 1}, {17, 33, 9}, {33, 65, 97}, {2, 100, 7}};
        for (int[] mnk : sizes) {
            for (Transpose ta : BOTH) {
                for (Transpose tb : BOTH) {
                    for (double[] ab : ALPHA_BETA) {
                        checkGemm(DType.FLOAT64, mnk[0], mnk[1], mnk[2], ta, tb, ab[0], ab[1]);
                    }
                }
            }
        }
    }

    @Test
    void gemm512() {
        checkGemm(DType.FLOAT32, 512, 512, 512, Transpose.NONE, Transpose.NONE, 1, 0);
        checkGemm(DType.FLOAT32, 512, 512, 512, Transpose.TRANSPOSE, Transpose.TRANSPOSE, 0.75, -0.5);
        checkGemm(DType.FLOAT32, 511, 513, 257, Transpose.NONE, Transpose.TRANSPOSE, 1, 1);
        if (ctx.device().fp64()) {
            checkGemm(DType.FLOAT64, 512, 512, 512, Transpose.TRANSPOSE, Transpose.NONE, 1, 0);
        }
    }

    @Test
    void gemmWithEmptyInnerDimensionScalesC() {
        checkGemm(DType.FLOAT32, 4, 5, 0, Transpose.NONE, Transpose.NONE, 1, 0.5);
        checkGemm(DType.FLOAT32, 4, 5, 0, Transpose.NONE, Transpose.NONE, 1, 0);
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 0, 3); GPUArray b = ctx.zeros(DType.FLOAT32, 3, 2);
             GPUArray c = ctx.zeros(DType.FLOAT32, 0, 2)) {
            blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, b, 0, c);
        }
    }

    @Test
    void matmul() {
        Random r = random("matmul", 1);
        float[] a = floats(r, 6 * 4, -1, 1);
        float[] b = floats(r, 4 * 5, -1, 1);
        float[] v = floats(r, 4, -1, 1);
        try (GPUArray ga = ctx.toGpu(a, 6, 4); GPUArray gb = ctx.toGpu(b, 4, 5); GPUArray gv = ctx.toGpu(v, 4);
             GPUArray ab = ga.matmul(gb); GPUArray av = ga.matmul(gv); GPUArray vb = gv.matmul(gb);
             GPUArray vv = gv.matmul(gv)) {
            assertArrayEquals(new long[] {6, 5}, ab.shape());
            assertClose(reference(widen(a), widen(b), 6, 5, 4, false, false, 1, 0, null), ab.toFloatArray(), 1e-5,
                    1e-6, "matmul 2-D x 2-D");
            assertArrayEquals(new long[] {6}, av.shape());
            assertClose(reference(widen(a), widen(v), 6, 1, 4, false, false, 1, 0, null), av.toFloatArray(), 1e-5,
                    1e-6, "matmul 2-D x 1-D");
            assertArrayEquals(new long[] {5}, vb.shape());
            assertClose(reference(widen(v), widen(b), 1, 5, 4, false, false, 1, 0, null), vb.toFloatArray(), 1e-5,
                    1e-6, "matmul 1-D x 2-D");
            assertEquals(0, vv.ndim());
            assertClose(reference(widen(v), widen(v), 1, 1, 4, false, false, 1, 0, null)[0], vv.item(), 1e-5,
                    "matmul 1-D x 1-D");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ga.matmul(ga));
            assertTrue(e.getMessage().contains("(6, 4)"), e.getMessage());
        }
    }

    @Test
    void matmulPromotesMixedFloatTypes() {
        assumeFp64();
        try (GPUArray a = ctx.toGpu(new float[] {1, 2, 3, 4}, 2, 2); GPUArray b = ctx.toGpu(new double[] {0.5, -1}, 2);
             GPUArray ab = a.matmul(b)) {
            assertEquals(DType.FLOAT64, ab.dtype());
            assertArrayEquals(new double[] {-1.5, -2.5}, ab.toDoubleArray(), 0);
        }
    }

    @Test
    void gemv() {
        int[][] sizes = {{1, 1}, {17, 33}, {300, 1000}, {1000, 3}};
        for (DType t : realTypes()) {
            for (int[] rc : sizes) {
                for (Transpose tr : BOTH) {
                    for (double[] ab : ALPHA_BETA) {
                        checkGemv(t, rc[0], rc[1], tr, ab[0], ab[1]);
                    }
                }
            }
        }
    }

    @Test
    void axpyDotNrm2() {
        for (DType t : realTypes()) {
            for (int n : new int[] {1, 3, 1000, 100003}) {
                Random r = random("level1" + t, n);
                double[] x = doubles(r, n, -2, 2);
                double[] y = doubles(r, n, -2, 2);
                double dot = 0;
                double absDot = 0;
                double sq = 0;
                double[] axpy = new double[n];
                double[] xs = round(t, x);
                double[] ys = round(t, y);
                for (int k = 0; k < n; k++) {
                    dot += xs[k] * ys[k];
                    absDot += Math.abs(xs[k] * ys[k]);
                    sq += xs[k] * xs[k];
                    axpy[k] = 0.75 * xs[k] + ys[k];
                }
                double rtol = t == DType.FLOAT32 ? 1e-5 : 1e-12;
                try (GPUArray gx = upload(t, xs, n); GPUArray gy = upload(t, ys, n);
                     GPUArray d = blas().dot(gx, gy); GPUArray nrm = blas().nrm2(gx)) {
                    assertEquals(t, d.dtype());
                    assertEquals(0, d.ndim());
                    assertClose(new double[] {dot}, new double[] {d.item()}, 0, rtol * absDot,
                            "dot " + t.numpyName() + " n=" + n);
                    assertClose(Math.sqrt(sq), nrm.item(), rtol, "nrm2 " + t.numpyName() + " n=" + n);
                    blas().axpy(0.75, gx, gy);
                    assertClose(axpy, gy.toDoubleArray(), rtol, 1e-6, "axpy " + t.numpyName() + " n=" + n);
                    assertClose(xs, gx.toDoubleArray(), 0, 0, "axpy leaves x");
                }
            }
        }
    }

    @Test
    void nrm2AvoidsOverflowAndUnderflow() {
        for (double scale : new double[] {1e30, 1e-30}) {
            float[] x = {3, 4, 0, -12};
            for (int k = 0; k < x.length; k++) {
                x[k] *= (float) scale;
            }
            try (GPUArray g = ctx.toGpu(x); GPUArray n = blas().nrm2(g)) {
                assertClose(13 * scale, n.item(), 1e-6, "nrm2 float32 at scale " + scale);
            }
        }
    }

    @Test
    void errorsNameShapesAndTypes() {
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 3, 4); GPUArray b = ctx.zeros(DType.FLOAT32, 5, 2);
             GPUArray c = ctx.zeros(DType.FLOAT32, 3, 2); GPUArray i = ctx.zeros(DType.INT32, 3, 4);
             GPUArray v = ctx.zeros(DType.FLOAT32, 4)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, b, 0, c));
            assertTrue(e.getMessage().contains("3x4") && e.getMessage().contains("5x2"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> blas().gemm(Transpose.NONE, Transpose.NONE, 1, i, b, 0, c));
            assertTrue(e.getMessage().contains("int32"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, v, 0, c));
            assertTrue(e.getMessage().contains("2-D"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> blas().gemm(Transpose.NONE, Transpose.TRANSPOSE, 1, a, a, 0, a.reshape(4, 3)));
            assertThrows(IllegalArgumentException.class, () -> blas().axpy(1, v, c));
        }
    }

    private DType[] realTypes() {
        return ctx.device().fp64() ? new DType[] {DType.FLOAT32, DType.FLOAT64} : new DType[] {DType.FLOAT32};
    }

    private void checkGemm(DType t, int m, int n, int k, Transpose ta, Transpose tb, double alpha, double beta) {
        String what = "gemm " + t.numpyName() + " " + m + "x" + n + "x" + k + " " + ta + "/" + tb + " alpha="
                + alpha + " beta=" + beta;
        Random r = random(what, m * n + k);
        double[] a = round(t, doubles(r, m * k, -1, 1));
        double[] b = round(t, doubles(r, k * n, -1, 1));
        double[] c = round(t, doubles(r, m * n, -1, 1));
        double[] expected = reference(a, b, m, n, k, ta.transposed(), tb.transposed(), alpha, beta, c);
        double[] bound = reference(abs(a), abs(b), m, n, k, ta.transposed(), tb.transposed(), Math.abs(alpha),
                Math.abs(beta), abs(c));
        long[] shapeA = ta.transposed() ? new long[] {k, m} : new long[] {m, k};
        long[] shapeB = tb.transposed() ? new long[] {n, k} : new long[] {k, n};
        double[] poisoned = c.clone();
        if (beta == 0) {
            Arrays.fill(poisoned, Double.NaN);
        }
        try (GPUArray ga = upload(t, a, shapeA); GPUArray gb = upload(t, b, shapeB);
             GPUArray gc = upload(t, poisoned, m, n)) {
            blas().gemm(ta, tb, alpha, ga, gb, beta, gc);
            assertWithin(expected, bound, gc.toDoubleArray(), t, k + 2, what);
        }
    }

    private void checkGemv(DType t, int rows, int cols, Transpose tr, double alpha, double beta) {
        String what = "gemv " + t.numpyName() + " " + rows + "x" + cols + " " + tr + " alpha=" + alpha + " beta="
                + beta;
        Random r = random(what, rows * cols);
        int xn = tr.transposed() ? rows : cols;
        int yn = tr.transposed() ? cols : rows;
        double[] a = round(t, doubles(r, rows * cols, -1, 1));
        double[] x = round(t, doubles(r, xn, -1, 1));
        double[] y = round(t, doubles(r, yn, -1, 1));
        // y = alpha op(A) x + beta y is gemm with n = 1: op(A) (yn x xn) times x (xn x 1)
        double[] expected = reference(a, x, yn, 1, xn, tr.transposed(), false, alpha, beta, y);
        double[] bound = reference(abs(a), abs(x), yn, 1, xn, tr.transposed(), false, Math.abs(alpha),
                Math.abs(beta), abs(y));
        double[] poisoned = y.clone();
        if (beta == 0) {
            Arrays.fill(poisoned, Double.NaN);
        }
        try (GPUArray ga = upload(t, a, rows, cols); GPUArray gx = upload(t, x, xn); GPUArray gy = upload(t, poisoned, yn)) {
            blas().gemv(tr, alpha, ga, gx, beta, gy);
            assertWithin(expected, bound, gy.toDoubleArray(), t, xn + 2, what);
        }
    }

    /**
     * Row-major {@code alpha op(A) op(B) + beta C} in double; A stored m x k (k x m when transposed),
     * B stored k x n (n x k); c may be null (beta ignored).
     */
    static double[] reference(double[] a, double[] b, int m, int n, int k, boolean ta, boolean tb, double alpha,
                              double beta, double[] c) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    acc += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                }
                out[i * n + j] = alpha * acc + (c == null || beta == 0 ? 0 : beta * c[i * n + j]);
            }
        }
        return out;
    }

    /** Each element within {@code terms} roundings of the sum of magnitudes that produced it. */
    private static void assertWithin(double[] expected, double[] bound, double[] actual, DType t, int terms,
                                     String what) {
        double eps = t == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tol = 2 * terms * eps * bound[i] + Double.MIN_NORMAL;
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                throw new AssertionError(what + ": element " + i + " of " + expected.length + " is " + actual[i]
                        + ", expected " + expected[i] + " within " + tol);
            }
        }
    }

    private GPUArray upload(DType t, double[] values, long... shape) {
        if (t == DType.FLOAT32) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return ctx.toGpu(f, shape);
        }
        return ctx.toGpu(values, shape);
    }

    private static double[] round(DType t, double[] values) {
        if (t == DType.FLOAT32) {
            double[] r = new double[values.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) values[i];
            }
            return r;
        }
        return values;
    }

    private static double[] abs(double[] values) {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(values[i]);
        }
        return r;
    }
}
