package org.jgpuarray.cpu.lib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java GEMMs on shapes that reach every path: several cache blocks in each dimension (k above
 * {@link GemmBlocking#KC}, n above {@link GemmBlocking#NC}, m above {@link GemmBlocking#MC}), remainders
 * of the micro-kernel's four-row step, the split across cores by rows and by columns, and row strides
 * larger than the matrices (submatrices) that start at an offset in their arrays; the integer twins
 * exactly, with wraparound; batches of small and of large matrices.
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
        int off = 5;
        double[] a = new double[off + (ta ? k : m) * lda];
        double[] b = new double[off + (tb ? n : k) * ldb];
        double[] c = new double[off + m * ldc];
        fill(r, a, single);
        fill(r, b, single);
        fill(r, c, single);
        double alpha = 0.75;
        double beta = -0.5;
        double[] got;
        if (single) {
            float[] fc = toFloat(c);
            FloatGemm.gemm(ta, tb, m, n, k, (float) alpha, toFloat(a), off, lda, toFloat(b), off, ldb, (float) beta, fc,
                    off, ldc, true);
            got = new double[fc.length];
            for (int i = 0; i < fc.length; i++) {
                got[i] = fc[i];
            }
        } else {
            got = c.clone();
            DoubleGemm.gemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, got, off, ldc, true);
        }
        double eps = single ? 0x1p-24 : 0x1p-53;
        for (int i = 0; i < off; i++) {
            assertTrue(got[i] == c[i], "the elements before C's offset are not written");
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < ldc; j++) {
                double expected = c[off + i * ldc + j];
                double bound = 0;
                if (j < n) {
                    double acc = 0;
                    for (int p = 0; p < k; p++) {
                        double x = ta ? a[off + p * lda + i] : a[off + i * lda + p];
                        double y = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
                        acc += x * y;
                        bound += Math.abs(x * y);
                    }
                    expected = alpha * acc + beta * c[off + i * ldc + j];
                    bound = 2 * (k + 2) * eps * (alpha * bound + Math.abs(beta * c[off + i * ldc + j]));
                }
                double actual = got[off + i * ldc + j];
                assertTrue(Math.abs(actual - expected) <= bound, (single ? "float" : "double") + " gemm " + m + "x" + n
                        + "x" + k + " ta=" + ta + " tb=" + tb + " at (" + i + ", " + j + "): " + actual + " vs "
                        + expected);
            }
        }
    }

    @Test
    void integerGemmsWrapAsJavaArithmeticDoes() {
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                checkIntegers(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0);
            }
        }
    }

    /** Batches of small matrices (in parallel with one another) and of large ones, with a broadcast operand. */
    @Test
    void batchesOfSmallAndLargeMatrices() {
        for (int[] s : new int[][] {{7, 5, 3, 40}, {150, 140, 130, 3}}) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            int batch = s[3];
            Random r = new Random(m + batch);
            long[] a = randomLongs(r, 2 + batch * m * k);
            long[] b = randomLongs(r, 1 + k * n);
            long[] c = new long[batch * m * n];
            GemmBatches.run(org.jgpuarray.kernels.ScalarType.INT64, false, false, m, n, k, batch, 1,
                    new GemmBatches.Operand(a, 2, k, m * k), new GemmBatches.Operand(b, 1, n, 0), 0,
                    new GemmBatches.Operand(c, 0, n, m * n));
            for (int q = 0; q < batch; q++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        long acc = 0;
                        for (int p = 0; p < k; p++) {
                            acc += a[2 + q * m * k + i * k + p] * b[1 + p * n + j];
                        }
                        if (c[q * m * n + i * n + j] != acc) {
                            throw new AssertionError("batch " + q + " (" + i + ", " + j + "): "
                                    + c[q * m * n + i * n + j] + " vs " + acc);
                        }
                    }
                }
            }
        }
    }

    private static void checkIntegers(int m, int n, int k, boolean ta, boolean tb) {
        Random r = new Random(m * 17L + n * 5L + k);
        int lda = ta ? m : k;
        int ldb = tb ? k : n;
        int off = 2;
        long[] a = randomLongs(r, off + m * k);
        long[] b = randomLongs(r, off + k * n);
        long[] c = new long[off + m * n];
        int[] ia = toInt(a);
        int[] ib = toInt(b);
        int[] ic = new int[c.length];
        LongGemm.gemm(ta, tb, m, n, k, 1, a, off, lda, b, off, ldb, 0, c, off, n, true);
        IntGemm.gemm(ta, tb, m, n, k, 1, ia, off, lda, ib, off, ldb, 0, ic, off, n, true);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long acc = 0;
                int acc32 = 0;
                for (int p = 0; p < k; p++) {
                    long x = ta ? a[off + p * lda + i] : a[off + i * lda + p];
                    long y = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
                    acc += x * y;
                    acc32 += (int) x * (int) y;
                }
                String where = m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " at (" + i + ", " + j + ")";
                assertTrue(c[off + i * n + j] == acc, "long gemm " + where);
                assertTrue(ic[off + i * n + j] == acc32, "int gemm " + where);
            }
        }
    }

    /** Values whose products and sums overflow both int and long. */
    private static long[] randomLongs(Random r, int n) {
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(201) - 100;
        }
        return x;
    }

    private static int[] toInt(long[] x) {
        int[] i = new int[x.length];
        for (int k = 0; k < x.length; k++) {
            i[k] = (int) x[k];
        }
        return i;
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
