package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** C arithmetic semantics of translated operations, checked against Java references computed by hand. */
class ArithmeticSemanticsTest {
    private static final int N = 100;

    private static float[] floats(long seed) {
        Random r = new Random(seed);
        float[] a = new float[N];
        for (int k = 0; k < N; k++) {
            a[k] = (r.nextFloat() - 0.5f) * 20;
        }
        return a;
    }

    private static int[] ints(long seed) {
        Random r = new Random(seed);
        int[] a = new int[N];
        for (int k = 0; k < N; k++) {
            a[k] = r.nextInt(2001) - 1000;
        }
        return a;
    }

    @Test
    void axpyMatchesJavaLoop() {
        float[] x = floats(1);
        float[] y = floats(2);
        float[] c = new float[N];
        Compiled.run(Compiled.elementwise("float a, float *x, float b, float *y, float *c", "c[i] = a*x[i] + b*y[i]"),
                N, 2.5f, x, -1.5f, y, c);
        for (int k = 0; k < N; k++) {
            assertEquals(2.5f * x[k] + -1.5f * y[k], c[k], "element " + k);
        }
    }

    @Test
    void mixedTypesFollowTheUsualArithmeticConversions() {
        int[] k = ints(3);
        float[] f = floats(4);
        long[] l = {3_000_000_000L, -5, 7};
        double[] d = {0.1, 0.2, 0.3};
        double[] out = new double[3];
        Compiled.run(Compiled.elementwise("int *k, float *f, long *l, double *d, double *out",
                "out[i] = k[i] / 2 + f[i] * l[i] - d[i]"), 3, k, f, l, d, out);
        for (int j = 0; j < 3; j++) {
            int half = k[j] / 2;
            float product = f[j] * (float) l[j];
            float sum = half + product;
            assertEquals((double) sum - d[j], out[j], "element " + j);
        }
    }

    @Test
    void assignmentsNarrowImplicitly() {
        int[] ki = new int[4];
        float[] fo = new float[4];
        long[] lo = new long[4];
        Compiled.run(Compiled.elementwise("int *ki, float *fo, long *lo",
                "int t = 2.7; int u = -2.7; float f = 1.0 / 3.0; ki[i] = i == 0 ? t : i == 1 ? u : 7.9 * i;"
                        + "fo[i] = f; lo[i] = 1e10 + i;"), 4, ki, fo, lo);
        assertArrayEquals(new int[] {2, -2, 15, 23}, ki);
        assertArrayEquals(new float[] {1.0f / 3.0f, 1.0f / 3.0f, 1.0f / 3.0f, 1.0f / 3.0f}, fo);
        assertArrayEquals(new long[] {10_000_000_000L, 10_000_000_001L, 10_000_000_002L, 10_000_000_003L}, lo);
    }

    @Test
    void int32ArithmeticWrapsAround() {
        int[] k = {Integer.MAX_VALUE, 65536, -2};
        int[] plus = new int[3];
        int[] square = new int[3];
        int[] folded = new int[3];
        long[] wide = new long[3];
        Compiled.run(Compiled.elementwise("int *k, int *plus, int *square, int *folded, long *wide",
                "plus[i] = k[i] + 1; square[i] = k[i] * k[i]; folded[i] = 2147483647 + 1;"
                        + "wide[i] = (long) k[i] * k[i];"), 3, k, plus, square, folded, wide);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 65537, -1}, plus);
        assertArrayEquals(new int[] {1, 0, 4}, square);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE}, folded);
        assertArrayEquals(new long[] {4611686014132420609L, 4294967296L, 4L}, wide);
    }

    @Test
    void integerDivisionAndModuloTruncateTowardZero() {
        int[] a = {-7, 7, -7, 7, -1};
        int[] b = {2, -2, -2, 2, 3};
        int[] q = new int[5];
        int[] r = new int[5];
        long[] lq = new long[5];
        Compiled.run(Compiled.elementwise("int *a, int *b, int *q, int *r, long *lq",
                "q[i] = a[i] / b[i]; r[i] = a[i] % b[i]; lq[i] = (long) a[i] / b[i] + -9 / 4 + -9 % 4"),
                5, a, b, q, r, lq);
        assertArrayEquals(new int[] {-3, -3, 3, 3, 0}, q);
        assertArrayEquals(new int[] {-1, 1, -1, 1, -1}, r);
        assertArrayEquals(new long[] {-3 - 2 - 1, -3 - 3, 3 - 3, 3 - 3, -3}, lq);
    }

    @Test
    void shiftsAndBitwiseOperators() {
        int[] out = new int[6];
        long[] lo = new long[2];
        Compiled.run(Compiled.elementwise("int *out, long *lo",
                "switch ((int) i) { case 0: out[i] = 1 << 31; break; case 1: out[i] = -16 >> 2; break;"
                        + " case 2: out[i] = 0x0F & 0x3C | 0x100; break; case 3: out[i] = 5 ^ 3; break;"
                        + " case 4: out[i] = ~0; break; default: out[i] = 010 + 0x10; }"
                        + "if (i < 2) lo[i] = i == 0 ? 1L << 40 : -1L >> 63;"), 6, out, lo);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -4, 0x10C, 6, -1, 24}, out);
        assertArrayEquals(new long[] {1L << 40, -1L}, lo);
    }

    @Test
    void compoundAssignmentsConvertBackLikeC() {
        int[] k = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        float[] f = {1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f};
        Compiled.run(Compiled.elementwise("int *k, float *f",
                "switch ((int) i) { case 0: k[i] += 2.7; break; case 1: k[i] -= 0.5; break; case 2: k[i] *= 2.5;"
                        + " break; case 3: k[i] /= 3; break; case 4: k[i] %= 4; break; case 5: k[i] <<= 2; break;"
                        + " case 6: k[i] >>= 1; break; case 7: k[i] &= 6; break; case 8: k[i] |= 5; break;"
                        + " case 9: k[i] ^= 3; break; default: k[i] += true; }"
                        + "f[i] *= i; f[i] += 1;"), 11, k, f);
        assertArrayEquals(new int[] {12, 9, 25, 3, 2, 40, 5, 2, 15, 9, 11}, k);
        for (int j = 0; j < 11; j++) {
            assertEquals(1.5f * j + 1, f[j]);
        }
    }

    @Test
    void compoundAssignmentsAsValues() {
        int[] k = {1, 2};
        float[] f = {0.5f, 1.5f};
        double[] out = new double[2];
        Compiled.run(Compiled.elementwise("int *k, float *f, double *out",
                "int s = 3; out[i] = (k[i] += 2.5) * 10 + (f[i] *= 2) + (s <<= 2) + ((s -= 1) > 10)"), 2, k, f, out);
        assertArrayEquals(new int[] {3, 4}, k);
        assertArrayEquals(new float[] {1, 3}, f);
        assertArrayEquals(new double[] {30 + 1 + 12 + 1, 40 + 3 + 12 + 1}, out);
    }

    @Test
    void incrementsAndDecrements() {
        int[] k = {5, 5};
        int[] out = new int[2];
        double[] d = {0.5, 0.5};
        Compiled.run(Compiled.elementwise("int *k, int *out, double *d",
                "int t = k[i]++; out[i] = t * 100 + ++k[i]; d[i]--; --d[i];"), 2, k, out, d);
        assertArrayEquals(new int[] {7, 7}, k);
        assertArrayEquals(new int[] {507, 507}, out);
        assertArrayEquals(new double[] {-1.5, -1.5}, d);
    }

    @Test
    void castsFollowC() {
        double[] out = new double[8];
        Compiled.run(Compiled.elementwise("double *out",
                "int k = 7; switch ((int) i) { case 0: out[i] = (int) 2.9; break; case 1: out[i] = (int) -2.9; break;"
                        + " case 2: out[i] = (double) (k / 2); break; case 3: out[i] = (double) k / 2; break;"
                        + " case 4: out[i] = (float) 0.1; break; case 5: out[i] = (bool) 0.25; break;"
                        + " case 6: out[i] = float(k) / 4; break; default: out[i] = sizeof(double) + sizeof(int); }"),
                8, out);
        assertArrayEquals(new double[] {2, -2, 3, 3.5, (double) 0.1f, 1, 1.75, 12}, out);
    }

    @Test
    void literalsOfEveryForm() {
        double[] out = new double[8];
        Compiled.run(Compiled.elementwise("double *out",
                "double v[8] = {1.f, .5, 1e-3f, 2.5e2, 0x1F, 017, 10L, 3000000000}; out[i] = v[i]"), 8, out);
        assertArrayEquals(new double[] {1, 0.5, (double) 1e-3f, 250, 31, 15, 10, 3e9}, out);
    }

    @Test
    void elementIndexAndCountAreVisible() {
        long[] out = new long[10];
        Compiled.run(Compiled.elementwise("long *out", "out[i] = n * 100 + i"), 10, out);
        for (int k = 0; k < 10; k++) {
            assertEquals(1000 + k, out[k]);
        }
    }

    @Test
    void scalarArgumentsOfEveryTypeAndAssignedScalars() {
        double[] out = new double[2];
        Compiled.run(Compiled.elementwise("double *out, int k, long l, float f, double d, bool flag",
                "if (flag) { d += 1; } out[i] = k + l + f + d;"), 2, out, 1, 2L, 0.5f, 0.25, (byte) 1);
        assertArrayEquals(new double[] {4.75, 5.75}, out);
    }
}
