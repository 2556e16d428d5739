package org.jgpuarray.cpu.lib;

/**
 * BLAS levels 1 and 2 on Java arrays, multi-threaded above a size threshold. Float32 dot products and
 * norms accumulate in double, so they are at least as accurate as a float32 BLAS.
 *
 * <p>Thread-safe: stateless.
 */
final class VectorOps {
    /** Elements per chunk below which a loop stays on one thread. */
    private static final int CHUNK = 1 << 15;

    private VectorOps() {
    }

    /** {@code y = alpha op(A) x + beta y}; A is rows x cols with row length lda; y modified. */
    static void gemv(boolean trans, int rows, int cols, double alpha, float[] a, int lda, float[] x, double beta,
                     float[] y) {
        if (!trans) {
            int chunks = CpuWorkers.chunks((long) rows * cols, CHUNK);
            CpuWorkers.run(chunks, ch -> {
                for (int r = split(rows, chunks, ch); r < split(rows, chunks, ch + 1); r++) {
                    double acc = 0;
                    int at = r * lda;
                    for (int c = 0; c < cols; c++) {
                        acc += (double) a[at + c] * x[c];
                    }
                    y[r] = (float) (beta == 0 ? alpha * acc : alpha * acc + beta * y[r]);
                }
            });
        } else {
            int chunks = CpuWorkers.chunks((long) rows * cols, CHUNK);
            CpuWorkers.run(chunks, ch -> {
                int from = split(cols, chunks, ch);
                int to = split(cols, chunks, ch + 1);
                double[] acc = new double[to - from];
                for (int r = 0; r < rows; r++) {
                    double xr = x[r];
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

    /** {@code y = alpha op(A) x + beta y} in double; y modified. */
    static void gemv(boolean trans, int rows, int cols, double alpha, double[] a, int lda, double[] x, double beta,
                     double[] y) {
        if (!trans) {
            int chunks = CpuWorkers.chunks((long) rows * cols, CHUNK);
            CpuWorkers.run(chunks, ch -> {
                for (int r = split(rows, chunks, ch); r < split(rows, chunks, ch + 1); r++) {
                    double acc = 0;
                    int at = r * lda;
                    for (int c = 0; c < cols; c++) {
                        acc += a[at + c] * x[c];
                    }
                    y[r] = beta == 0 ? alpha * acc : alpha * acc + beta * y[r];
                }
            });
        } else {
            int chunks = CpuWorkers.chunks((long) rows * cols, CHUNK);
            CpuWorkers.run(chunks, ch -> {
                int from = split(cols, chunks, ch);
                int to = split(cols, chunks, ch + 1);
                double[] acc = new double[to - from];
                for (int r = 0; r < rows; r++) {
                    double xr = x[r];
                    int at = r * lda + from;
                    for (int c = 0; c < acc.length; c++) {
                        acc[c] += xr * a[at + c];
                    }
                }
                for (int c = from; c < to; c++) {
                    y[c] = beta == 0 ? alpha * acc[c - from] : alpha * acc[c - from] + beta * y[c];
                }
            });
        }
    }

    /** {@code y += alpha x}; y modified. */
    static void axpy(int n, float alpha, float[] x, float[] y) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        CpuWorkers.run(chunks, ch -> {
            for (int i = split(n, chunks, ch); i < split(n, chunks, ch + 1); i++) {
                y[i] += alpha * x[i];
            }
        });
    }

    /** {@code y += alpha x}; y modified. */
    static void axpy(int n, double alpha, double[] x, double[] y) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        CpuWorkers.run(chunks, ch -> {
            for (int i = split(n, chunks, ch); i < split(n, chunks, ch + 1); i++) {
                y[i] += alpha * x[i];
            }
        });
    }

    /** The dot product, accumulated in double. */
    static double dot(int n, float[] x, float[] y) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        double[] partial = new double[chunks];
        CpuWorkers.run(chunks, ch -> {
            double acc = 0;
            for (int i = split(n, chunks, ch); i < split(n, chunks, ch + 1); i++) {
                acc += (double) x[i] * y[i];
            }
            partial[ch] = acc;
        });
        return sum(partial);
    }

    /** The dot product. */
    static double dot(int n, double[] x, double[] y) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        double[] partial = new double[chunks];
        CpuWorkers.run(chunks, ch -> {
            double acc = 0;
            for (int i = split(n, chunks, ch); i < split(n, chunks, ch + 1); i++) {
                acc += x[i] * y[i];
            }
            partial[ch] = acc;
        });
        return sum(partial);
    }

    /** The Euclidean norm; float32 squares cannot overflow a double accumulator. */
    static double nrm2(int n, float[] x) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        double[] partial = new double[chunks];
        CpuWorkers.run(chunks, ch -> {
            double acc = 0;
            for (int i = split(n, chunks, ch); i < split(n, chunks, ch + 1); i++) {
                acc += (double) x[i] * x[i];
            }
            partial[ch] = acc;
        });
        return Math.sqrt(sum(partial));
    }

    /** The Euclidean norm, scaled by the largest magnitude so that it neither overflows nor underflows. */
    static double nrm2(int n, double[] x) {
        int chunks = CpuWorkers.chunks(n, CHUNK);
        double[] partial = new double[chunks];
        CpuWorkers.run(chunks, ch -> {
            double max = 0;
            for (int i = split(n, chunks, ch); i < split(n, chunks, ch + 1); i++) {
                max = Math.max(max, Math.abs(x[i]));
            }
            partial[ch] = max;
        });
        double scale = 0;
        for (double p : partial) {
            scale = Math.max(scale, p);
        }
        if (scale == 0 || Double.isNaN(scale) || Double.isInfinite(scale)) {
            return scale;
        }
        double s = scale;
        CpuWorkers.run(chunks, ch -> {
            double acc = 0;
            for (int i = split(n, chunks, ch); i < split(n, chunks, ch + 1); i++) {
                double v = x[i] / s;
                acc += v * v;
            }
            partial[ch] = acc;
        });
        return scale * Math.sqrt(sum(partial));
    }

    /** Boundary {@code chunk} of {@code chunks} equal parts of {@code n}. */
    static int split(int n, int chunks, int chunk) {
        return (int) ((long) n * chunk / chunks);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
