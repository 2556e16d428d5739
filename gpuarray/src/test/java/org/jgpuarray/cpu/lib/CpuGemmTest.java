package org.jgpuarray.cpu.lib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java GEMMs on shapes that reach every path: several cache blocks in each dimension (k above
 * {@link GemmBlocking#KC}, n above {@link GemmBlocking#NC}, m above {@link GemmBlocking#MC}), remainders
 * of the micro-kernel's four-row step, the split across cores by rows and by columns, and row strides
 * larger than the matrices (submatrices).
 */
class CpuGemmTest {
    private static final int[][] SHAPES = {{8, 3000, 64}, {3000, 8, 64}, {131, 600, 300}, {67, 1030, 5}, {1, 1, 1000}};

    @Test
    void floatGemmMatchesTheReference() {
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                check(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, true);
            }
        }
    }

    @Test
    void doubleGemmMatchesTheReference() {
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                check(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, false);
            }
        }
    }

    private static void check(int m, int n, int k, boolean ta, boolean tb, boolean single) {
        Random r = new Random(m * 31L + n * 7L + k);
        int pad = 3;
        int lda = (ta ? m : k) + pad;
        int ldb = (tb ? k : n) + pad;
        int ldc = n + pad;
        double[] a = new double[(ta ? k : m) * lda];
        double[] b = new double[(tb ? n : k) * ldb];
        double[] c = new double[m * ldc];
        fill(r, a, single);
        fill(r, b, single);
        fill(r, c, single);
        double alpha = 0.75;
        double beta = -0.5;
        double[] got;
        if (single) {
            float[] fc = toFloat(c);
            FloatGemm.gemm(ta, tb, m, n, k, (float) alpha, toFloat(a), lda, toFloat(b), ldb, (float) beta, fc, ldc);
            got = new double[fc.length];
            for (int i = 0; i < fc.length; i++) {
                got[i] = fc[i];
            }
        } else {
            got = c.clone();
            DoubleGemm.gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, got, ldc);
        }
        double eps = single ? 0x1p-24 : 0x1p-53;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < ldc; j++) {
                double expected = c[i * ldc + j];
                double bound = 0;
                if (j < n) {
                    double acc = 0;
                    for (int p = 0; p < k; p++) {
                        double x = ta ? a[p * lda + i] : a[i * lda + p];
                        double y = tb ? b[j * ldb + p] : b[p * ldb + j];
                        acc += x * y;
                        bound += Math.abs(x * y);
                    }
                    expected = alpha * acc + beta * c[i * ldc + j];
                    bound = 2 * (k + 2) * eps * (alpha * bound + Math.abs(beta * c[i * ldc + j]));
                }
                double actual = got[i * ldc + j];
                assertTrue(Math.abs(actual - expected) <= bound, (single ? "float" : "double") + " gemm " + m + "x" + n
                        + "x" + k + " ta=" + ta + " tb=" + tb + " at (" + i + ", " + j + "): " + actual + " vs "
                        + expected);
            }
        }
    }

    private static void fill(Random r, double[] x, boolean single) {
        for (int i = 0; i < x.length; i++) {
            double v = r.nextDouble() * 2 - 1;
            x[i] = single ? (float) v : v;
        }
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
