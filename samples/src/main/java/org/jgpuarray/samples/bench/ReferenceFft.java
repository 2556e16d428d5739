package org.jgpuarray.samples.bench;

/**
 * The float64 host reference the {@code fft} workload checks results against: an iterative radix-2
 * transform in double for powers of two, and Bluestein's chirp-z algorithm over it for any other
 * length. Interleaved (real, imaginary) pairs; stateless.
 */
final class ReferenceFft {
    private ReferenceFft() {
    }

    /**
     * The unnormalized forward transform {@code X_k = sum_j x_j exp(-2 pi i jk / n)}.
     *
     * @param x interleaved complex values; not modified
     * @return a new interleaved array of the same length
     */
    static double[] forward(double[] x) {
        int n = x.length / 2;
        double[] y = x.clone();
        if (Integer.bitCount(n) <= 1) {
            radix2(y, false);
            return y;
        }
        return bluestein(y);
    }

    /** In-place radix-2 transform of a power-of-two length (0 and 1 included); inverse unscaled. */
    static void radix2(double[] v, boolean inverse) {
        int n = v.length / 2;
        if (n <= 1) {
            return;
        }
        int shift = Integer.numberOfLeadingZeros(n) + 1;
        for (int i = 0; i < n; i++) {
            int j = Integer.reverse(i) >>> shift;
            if (j > i) {
                swap(v, 2 * i, 2 * j);
                swap(v, 2 * i + 1, 2 * j + 1);
            }
        }
        double sign = inverse ? 1 : -1;
        for (int half = 1; half < n; half *= 2) {
            for (int k = 0; k < half; k++) {
                double angle = sign * Math.PI * k / half;
                double wr = Math.cos(angle);
                double wi = Math.sin(angle);
                for (int start = 0; start < n; start += 2 * half) {
                    int p = 2 * (start + k);
                    int q = p + 2 * half;
                    double tr = wr * v[q] - wi * v[q + 1];
                    double ti = wr * v[q + 1] + wi * v[q];
                    v[q] = v[p] - tr;
                    v[q + 1] = v[p + 1] - ti;
                    v[p] += tr;
                    v[p + 1] += ti;
                }
            }
        }
    }

    /** {@code X_k = w_k sum_j (x_j w_j) conj(w_{k-j})} with the chirp {@code w_k = exp(-i pi k^2 / n)}. */
    private static double[] bluestein(double[] x) {
        int n = x.length / 2;
        int m = Integer.highestOneBit(2 * n - 1) * 2;
        double[] chirp = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double angle = -Math.PI * (double) ((long) k * k % (2L * n)) / n;
            chirp[2 * k] = Math.cos(angle);
            chirp[2 * k + 1] = Math.sin(angle);
        }
        double[] a = new double[2 * m];
        double[] b = new double[2 * m];
        for (int k = 0; k < n; k++) {
            a[2 * k] = x[2 * k] * chirp[2 * k] - x[2 * k + 1] * chirp[2 * k + 1];
            a[2 * k + 1] = x[2 * k] * chirp[2 * k + 1] + x[2 * k + 1] * chirp[2 * k];
            b[2 * k] = chirp[2 * k];
            b[2 * k + 1] = -chirp[2 * k + 1];
            if (k > 0) {
                b[2 * (m - k)] = chirp[2 * k];
                b[2 * (m - k) + 1] = -chirp[2 * k + 1];
            }
        }
        radix2(a, false);
        radix2(b, false);
        for (int k = 0; k < m; k++) {
            double re = a[2 * k] * b[2 * k] - a[2 * k + 1] * b[2 * k + 1];
            double im = a[2 * k] * b[2 * k + 1] + a[2 * k + 1] * b[2 * k];
            a[2 * k] = re / m;
            a[2 * k + 1] = im / m;
        }
        radix2(a, true);
        double[] y = new double[2 * n];
        for (int k = 0; k < n; k++) {
            y[2 * k] = a[2 * k] * chirp[2 * k] - a[2 * k + 1] * chirp[2 * k + 1];
            y[2 * k + 1] = a[2 * k] * chirp[2 * k + 1] + a[2 * k + 1] * chirp[2 * k];
        }
        return y;
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
