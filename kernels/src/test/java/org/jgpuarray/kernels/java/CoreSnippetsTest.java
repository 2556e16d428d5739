package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Snippets in the style the array core generates for its built-in operations. */
class CoreSnippetsTest {
    private static final String IPOW = """
            int jga_ipow_int32(int base, int exponent)
            {
                if (exponent < 0) {
                    return base == 1 ? 1 : (base == -1 ? ((exponent & 1) ? -1 : 1) : 0);
                }
                int result = 1;
                while (exponent > 0) {
                    if (exponent & 1) {
                        result *= base;
                    }
                    base *= base;
                    exponent >>= 1;
                }
                return result;
            }
            """;

    @Test
    void integerPowerHelper() {
        int[] x = {2, -1, -1, 3, 1, 5};
        int[] y = {10, -3, -4, 0, -7, -1};
        int[] out = new int[6];
        Compiled.run(Compiled.elementwise("int *out, int *x, int *y", "out[i] = (int) (jga_ipow_int32(x[i], y[i]))",
                IPOW), 6, out, x, y);
        assertArrayEquals(new int[] {1024, -1, 1, 1, 1, 0}, out);
    }

    @Test
    void comparisonIntoBoolAndConversions() {
        float[] x = {1, 2, Float.NaN};
        double[] y = {1.5, 1.5, 1.5};
        byte[] less = new byte[3];
        long[] asLong = new long[3];
        Compiled.run(Compiled.elementwise("bool *out, float *x, double *y, long *l",
                "out[i] = (((double) x[i]) < y[i]) != 0; l[i] = (long) (x[i] == x[i] ? x[i] * 3 : -1)"),
                3, less, x, y, asLong);
        assertArrayEquals(new byte[] {1, 0, 0}, less);
        assertArrayEquals(new long[] {3, 6, -1}, asLong);
    }

    @Test
    void aranges() {
        int[] ints = new int[4];
        double[] doubles = new double[4];
        Compiled.run(Compiled.elementwise("int *out, long start, long step", "out[i] = (int) (start + i * step)"),
                4, ints, 10L, -3L);
        Compiled.run(Compiled.elementwise("double *out, double start, double step",
                "out[i] = (double) (start + (double) i * step)"), 4, doubles, 0.5, 0.25);
        assertArrayEquals(new int[] {10, 7, 4, 1}, ints);
        assertArrayEquals(new double[] {0.5, 0.75, 1.0, 1.25}, doubles);
    }

    @Test
    void unaryMathAndAbsoluteValue() {
        int[] k = {-3, 4};
        int[] abs = new int[2];
        float[] x = {0.25f, 4f};
        float[] root = new float[2];
        Compiled.run(Compiled.elementwise("int *out, int *x", "out[i] = (int) ((x[i] < 0 ? -x[i] : x[i]))"),
                2, abs, k);
        Compiled.run(Compiled.elementwise("float *out, float *x", "out[i] = (float) (sqrt(x[i]))"), 2, root, x);
        assertArrayEquals(new int[] {3, 4}, abs);
        assertArrayEquals(new float[] {0.5f, 2f}, root);
    }
}
