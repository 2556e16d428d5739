package org.jgpuarray.samples.recipes;

/** The CPU side of the recipes' checks: a plain matrix product and NumPy's {@code allclose}. */
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

    /** The largest |a - b|. */
    static double maxAbsDifference(float[] a, float[] b) {
        double worst = 0;
        for (int k = 0; k < Math.min(a.length, b.length); k++) {
            worst = Math.max(worst, Math.abs((double) a[k] - b[k]));
        }
        return worst;
    }
}
