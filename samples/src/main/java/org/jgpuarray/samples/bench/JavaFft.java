package org.jgpuarray.samples.bench;

/**
 * The plain single-threaded Java FFT of the {@code fft} workload: an iterative radix-2 Cooley-Tukey
 * transform of interleaved float32 (real, imaginary) pairs, with a float twiddle table made once per
 * length (as a library plan is). Power-of-two lengths only. Not thread-safe (the output buffer is reused).
 */
final class JavaFft {
    private final int n;
    private final float[] cos;
    private final float[] sin;
    private final float[] out;

    /**
     * Makes the plan.
     *
     * @param n the number of complex points, a power of two
     * @throws IllegalArgumentException when n is not a power of two
     */
    JavaFft(int n) {
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("the radix-2 FFT needs a power-of-two length, got " + n);
        }
        this.n = n;
        this.cos = new float[n / 2];
        this.sin = new float[n / 2];
        for (int k = 0; k < n / 2; k++) {
            double angle = -2 * Math.PI * k / n;
            cos[k] = (float) Math.cos(angle);
            sin[k] = (float) Math.sin(angle);
        }
        this.out = new float[2 * n];
    }

    /**
     * The unnormalized forward transform.
     *
     * @param x n interleaved complex values; not modified
     * @return the transform, interleaved; the same array on every call
     */
    float[] forward(float[] x) {
        int shift = Integer.numberOfLeadingZeros(n) + 1;
        for (int i = 0; i < n; i++) {
            int j = n == 1 ? 0 : Integer.reverse(i) >>> shift;
            out[2 * j] = x[2 * i];
            out[2 * j + 1] = x[2 * i + 1];
        }
        for (int half = 1; half < n; half *= 2) {
            int step = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    float wr = cos[k * step];
                    float wi = sin[k * step];
                    int p = 2 * (start + k);
                    int q = p + 2 * half;
                    float tr = wr * out[q] - wi * out[q + 1];
                    float ti = wr * out[q + 1] + wi * out[q];
                    out[q] = out[p] - tr;
                    out[q + 1] = out[p + 1] - ti;
                    out[p] += tr;
                    out[p + 1] += ti;
                }
            }
        }
        return out;
    }
}
