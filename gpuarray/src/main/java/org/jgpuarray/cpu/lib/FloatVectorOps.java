// Generated from DoubleVectorOps.java by PrecisionGenerator; do not edit.
// Edit DoubleVectorOps.java instead and regenerate: see package-info.java.
package org.jgpuarray.cpu.lib;

/**
 * BLAS levels 1 and 2 on float32 Java arrays, multi-threaded above a size threshold. Sums accumulate in
 * 64-bit variables at either precision, so the float32 version is at least as accurate as a float32 BLAS.
 *
 * <p>Thread-safe: stateless.
 */
final class FloatVectorOps {
    /** Elements per chunk below which a loop stays on one thread. */
    private static final int CHUNK = 1 << 15;
    /** Sums of squares from here up to MAX_VALUE lost nothing to underflow or overflow. */
    private static final /**/double SQUARES_SAFE = 0x1p-969;

    private FloatVectorOps() {
    }

    /** {@code y = alpha op(A) x + beta y}; A is rows x cols with row length lda; y modified. */
    static void gemv(boolean trans, int rows, int cols, /**/double alpha, float[] a, int lda, float[] x,
                     /**/double beta, float[] y) {
        int chunks = CpuWorkers.chunks((long) rows * cols, CHUNK);
        if (!trans) {
            CpuWorkers.run(chunks, ch -> {
                for (int r = CpuWorkers.split(rows, chunks, ch); r < CpuWorkers.split(rows, chunks, ch + 1); r++) {
                    /**/double acc = 0;
                    int at = r * lda;
                    for (int c = 0; c < cols; c++) {
                        acc += (/**/double) a[at + c] * x[c];
                    }
                    y[r] = (float) (beta == 0 ? alpha * acc : alpha * acc + beta * y[r]);
                }
            });
        } else {
            CpuWorkers.run(chunks, ch -> {
                int from = CpuWorkers.split(cols, chunks, ch);
                int to = CpuWorkers.split(cols, chunks, ch + 1);
                /**/double[] acc = new /**/double[to - from];
                for (int r = 0; r < rows; r++) {
                    /**/double xr = x[r];
                    int at = r * lda + from;
                    for (int c = 0; c < acc.length; c++) {
                        acc[c] += xr * a[at + c];
                    }
                }
                for (int c = from; c < to; c++) {
                    y[c] = (float) (beta == 0 ? alpha * acc[c - from] : alpha * acc[c - from] + beta * y[c]);
                }
            });
        }
    }

    /** {@code y += alpha x}; y modified. */
    static void axpy(int n, float alpha, float[] x, float[] y) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        CpuWorkers.run(chunks, ch -> {
            for (int i = CpuWorkers.split(n, chunks, ch); i < CpuWorkers.split(n, chunks, ch + 1); i++) {
                y[i] += alpha * x[i];
            }
        });
    }

    /** The dot product. */
    static /**/double dot(int n, float[] x, float[] y) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        return CpuWorkers.sum(chunks, ch -> {
            /**/double acc = 0;
            for (int i = CpuWorkers.split(n, chunks, ch); i < CpuWorkers.split(n, chunks, ch + 1); i++) {
                acc += (/**/double) x[i] * y[i];
            }
            return acc;
        });
    }

    /**
     * The Euclidean norm: the square root of the plain sum of squares or, where that sum overflowed or
     * underflowed, of the sum scaled by the largest magnitude. Float32 squares in 64-bit sums never do.
     */
    static /**/double nrm2(int n, float[] x) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        /**/double squares = CpuWorkers.sum(chunks, ch -> {
            /**/double acc = 0;
            for (int i = CpuWorkers.split(n, chunks, ch); i < CpuWorkers.split(n, chunks, ch + 1); i++) {
                acc += (/**/double) x[i] * x[i];
            }
            return acc;
        });
        boolean safe = squares >= SQUARES_SAFE && squares <= /**/Double.MAX_VALUE;
        return safe ? Math.sqrt(squares) : scaledNrm2(n, x, chunks);
    }

    /** The Euclidean norm, scaled by the largest magnitude so that it neither overflows nor underflows. */
    private static /**/double scaledNrm2(int n, float[] x, int chunks) {
        /**/double scale = CpuWorkers.max(chunks, ch -> {
            /**/double max = 0;
            for (int i = CpuWorkers.split(n, chunks, ch); i < CpuWorkers.split(n, chunks, ch + 1); i++) {
                max = Math.max(max, Math.abs(x[i]));
            }
            return max;
        });
        if (scale == 0 || !/**/Double.isFinite(scale)) {
            return scale;
        }
        return scale * Math.sqrt(CpuWorkers.sum(chunks, ch -> {
            /**/double acc = 0;
            for (int i = CpuWorkers.split(n, chunks, ch); i < CpuWorkers.split(n, chunks, ch + 1); i++) {
                /**/double v = x[i] / scale;
                acc += v * v;
            }
            return acc;
        }));
    }
}
