package org.jgpuarray.samples.recipes;

/** The CPU side of the recipes' checks: plain matrix products (float and int64) and NumPy's {@code allclose}. */
final class HostMath {
    private HostMath() {
    }

    /** Row-major {@code a (m x k) * b (k x n)} in float, the i-k-j loop. */
    static float[] matmul(float[] a, float[] b, int m, int n, int k) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aip * b[p * n + j];
                }
            }
        }
        return c;
    }

    /** Row-major {@code a (m x k) * b (k x n)} of float inputs, summed in double: a float64 reference. */
    static double[] matmulDouble(float[] a, float[] b, int m, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aip * b[p * n + j];
                }
            }
        }
        return c;
    }

    /**
     * Row-major {@code a (m x k) * b (k x n)} in long arithmetic (wrapping on overflow, as NumPy's int64
     * does), the loops of the book's {@code @guvectorize} kernel.
     */
    static long[] matmul(long[] a, long[] b, int m, int n, int k) {
        long[] c = new long[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
        return c;
    }

    /** NumPy's {@code allclose(got, expected)}: |got - expected| <= 1e-8 + 1e-5 |expected| everywhere. */
    static boolean allclose(float[] got, float[] expected) {
        return allclose(got, expected, 1e-5, 1e-8);
    }

    /** {@code allclose} with tolerances. */
    static boolean allclose(float[] got, float[] expected, double rtol, double atol) {
        if (got.length != expected.length) {
            return false;
        }
        for (int k = 0; k < got.length; k++) {
            if (!(Math.abs(got[k] - expected[k]) <= atol + rtol * Math.abs(expected[k]))) {
                return false;
            }
        }
        return true;
    }

    /** {@code allclose} against a float64 reference. */
    static boolean allclose(float[] got, double[] expected, double rtol, double atol) {
        if (got.length != expected.length) {
            return false;
        }
        for (int k = 0; k < got.length; k++) {
            if (!(Math.abs(got[k] - expected[k]) <= atol + rtol * Math.abs(expected[k]))) {
                return false;
            }
        }
        return true;
    }

    /** The largest |got - expected| against a float64 reference. */
    static double maxAbsDifference(float[] got, double[] expected) {
        double worst = 0;
        for (int k = 0; k < Math.min(got.length, expected.length); k++) {
            worst = Math.max(worst, Math.abs(got[k] - expected[k]));
        }
        return worst;
    }

    /** The largest |a - b|. */
    static double maxAbsDifference(float[] a, float[] b) {
        double worst = 0;
        for (int k = 0; k < Math.min(a.length, b.length); k++) {
            worst = Math.max(worst, Math.abs((double) a[k] - b[k]));
        }
        return worst;
    }
}
