// The float64 source of FloatGemm.java, LongGemm.java and IntGemm.java: edit here, then regenerate
// (see package-info.java).
package org.jgpuarray.cpu.lib;

/**
 * Double-precision GEMM on row-major Java arrays: {@code C = alpha op(A) op(B) + beta C}. Blocked for
 * the caches: panels of op(B) ({@link GemmBlocking#KC} x {@link GemmBlocking#NC}), blocks of op(A)
 * with alpha folded in, and the matching rows of C are packed into separate row arrays, so that the
 * micro-kernel, one row of C plus four scaled rows of B, is a loop HotSpot's superword pass turns into
 * SIMD code (it gives up on loops that store to two arrays, or that read one array at two unrelated
 * offsets). Work is split across cores by rows (or columns) of C; see {@link GemmBlocking}. The integer
 * twins wrap on overflow, as Java's integer arithmetic does and as NumPy's integer matmul does.
 *
 * <p>Thread-safe: no shared state; each call allocates its packing buffers.
 */
final class DoubleGemm {
    private DoubleGemm() {
    }

    /**
     * Computes the product; arguments as {@link org.jgpuarray.spi.BlasProvider#gemm}, each matrix starting
     * at its offset in its array.
     *
     * @param a        not modified
     * @param b        not modified
     * @param c        modified
     * @param parallel whether a large product may use every core (false: the caller's thread only)
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int offA,
                     int lda, double[] b, int offB, int ldb, double beta, double[] c, int offC, int ldc,
                     boolean parallel) {
        if (m == 0 || n == 0) {
            return;
        }
        GemmBlocking.forEachTile(m, n, k, parallel, (r0, r1, c0, c1) -> {
            scale(c, offC, ldc, r0, r1, c0, c1, beta);
            if (k > 0 && alpha != 0) {
                tile(transA, transB, r0, r1, c0, c1, k, alpha, a, offA, lda, b, offB, ldb, c, offC, ldc);
            }
        });
    }

    private static void scale(double[] c, int offC, int ldc, int r0, int r1, int c0, int c1, double beta) {
        if (beta == 1) {
            return;
        }
        for (int i = r0; i < r1; i++) {
            int row = offC + i * ldc;
            for (int j = c0; j < c1; j++) {
                c[row + j] = beta == 0 ? 0 : beta * c[row + j];
            }
        }
    }

    /** C[r0:r1, c0:c1] += alpha op(A)[r0:r1, :] op(B)[:, c0:c1]. */
    private static void tile(boolean transA, boolean transB, int r0, int r1, int c0, int c1, int k, double alpha,
                             double[] a, int offA, int lda, double[] b, int offB, int ldb, double[] c, int offC,
                             int ldc) {
        int kcMax = Math.min(GemmBlocking.KC, k);
        int ncMax = Math.min(GemmBlocking.NC, c1 - c0);
        int mcMax = Math.min(GemmBlocking.MC, r1 - r0);
        double[][] bp = new double[kcMax][ncMax];
        double[][] cp = new double[mcMax][ncMax];
        double[] ap = new double[kcMax * mcMax];
        for (int jc = c0; jc < c1; jc += GemmBlocking.NC) {
            int nc = Math.min(GemmBlocking.NC, c1 - jc);
            for (int pc = 0; pc < k; pc += GemmBlocking.KC) {
                int kc = Math.min(GemmBlocking.KC, k - pc);
                packB(transB, b, offB, ldb, pc, kc, jc, nc, bp);
                for (int ic = r0; ic < r1; ic += GemmBlocking.MC) {
                    int mc = Math.min(GemmBlocking.MC, r1 - ic);
                    packA(transA, a, offA, lda, ic, mc, pc, kc, alpha, ap);
                    for (int i = 0; i < mc; i++) {
                        System.arraycopy(c, offC + (ic + i) * ldc + jc, cp[i], 0, nc);
                    }
                    block(ap, mc, kc, bp, nc, cp);
                    for (int i = 0; i < mc; i++) {
                        System.arraycopy(cp[i], 0, c, offC + (ic + i) * ldc + jc, nc);
                    }
                }
            }
        }
    }

    /** bp[p][j] = op(B)[pc + p][jc + j]: one array per row, so the micro-kernel's loads vectorize. */
    private static void packB(boolean transB, double[] b, int offB, int ldb, int pc, int kc, int jc, int nc,
                              double[][] bp) {
        for (int p = 0; p < kc; p++) {
            double[] row = bp[p];
            if (!transB) {
                System.arraycopy(b, offB + (pc + p) * ldb + jc, row, 0, nc);
            } else {
                int src = offB + jc * ldb + pc + p;
                for (int j = 0; j < nc; j++) {
                    row[j] = b[src + j * ldb];
                }
            }
        }
    }

    /** ap[i * kc + p] = alpha * op(A)[ic + i][pc + p]. */
    private static void packA(boolean transA, double[] a, int offA, int lda, int ic, int mc, int pc, int kc,
                              double alpha, double[] ap) {
        for (int i = 0; i < mc; i++) {
            int dst = i * kc;
            if (!transA) {
                int src = offA + (ic + i) * lda + pc;
                for (int p = 0; p < kc; p++) {
                    ap[dst + p] = alpha * a[src + p];
                }
            } else {
                int src = offA + pc * lda + ic + i;
                for (int p = 0; p < kc; p++) {
                    ap[dst + p] = alpha * a[src + p * lda];
                }
            }
        }
    }

    /**
     * Packed C rows (mc x nc) += packed A (mc x kc) times packed B (kc x nc): four rows of B at a time
     * against each row of C. Every operand is a whole array indexed from 0 and each loop stores to one
     * array: the shape HotSpot's superword pass vectorizes.
     */
    private static void block(double[] ap, int mc, int kc, double[][] bp, int nc, double[][] cp) {
        int k4 = kc & ~3;
        for (int p = 0; p < k4; p += 4) {
            double[] b0 = bp[p];
            double[] b1 = bp[p + 1];
            double[] b2 = bp[p + 2];
            double[] b3 = bp[p + 3];
            for (int i = 0; i < mc; i++) {
                int at = i * kc + p;
                row4(ap[at], ap[at + 1], ap[at + 2], ap[at + 3], b0, b1, b2, b3, cp[i], nc);
            }
        }
        for (int p = k4; p < kc; p++) {
            for (int i = 0; i < mc; i++) {
                row1(ap[i * kc + p], bp[p], cp[i], nc);
            }
        }
    }

    /** One row of C += four scaled rows of packed B. */
    private static void row4(double a0, double a1, double a2, double a3, double[] b0, double[] b1, double[] b2, double[] b3,
                             double[] c, int nc) {
        for (int j = 0; j < nc; j++) {
            c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void row1(double a0, double[] b0, double[] c, int nc) {
        for (int j = 0; j < nc; j++) {
            c[j] += a0 * b0[j];
        }
    }
}
