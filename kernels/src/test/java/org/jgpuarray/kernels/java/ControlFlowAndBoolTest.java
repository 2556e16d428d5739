package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.junit.jupiter.api.Test;

/** Truth values, conditions and statements of translated snippets. */
class ControlFlowAndBoolTest {
    @Test
    void comparisonsStoreZeroOrOneInBoolArrays() {
        float[] x = {-1f, 0f, 0.25f, Float.NaN};
        byte[] positive = new byte[4];
        byte[] nonzero = new byte[4];
        Compiled.run(Compiled.elementwise("float *x, bool *positive, bool *nonzero",
                "positive[i] = x[i] > 0; nonzero[i] = x[i]"), 4, x, positive, nonzero);
        assertArrayEquals(new byte[] {0, 0, 1, 0}, positive);
        assertArrayEquals(new byte[] {1, 0, 1, 1}, nonzero, "any nonzero value, NaN included, stores 1");
    }

    @Test
    void relationalAndLogicalResultsAreInts() {
        int[] k = {0, 3, -2};
        int[] out = new int[3];
        Compiled.run(Compiled.elementwise("int *k, int *out",
                "int c = k[i] < 1; int notk = !k[i]; out[i] = c * 100 + notk * 10 + (k[i] && 5) + (k[i] > 0) * 1000"),
                3, k, out);
        assertArrayEquals(new int[] {110, 1001, 101}, out);
    }

    @Test
    void boolVariablesAndBoolArraysReadAsZeroOrOne() {
        byte[] flags = {0, 1, 1};
        int[] out = new int[3];
        byte[] copy = new byte[3];
        Compiled.run(Compiled.elementwise("bool *flags, int *out, bool *copy",
                "bool b = 5; bool f = flags[i]; out[i] = flags[i] + flags[i] + b * 10 + (f == true) * 100;"
                        + "copy[i] = flags[i]"), 3, flags, out, copy);
        assertArrayEquals(new int[] {10, 112, 112}, out);
        assertArrayEquals(flags, copy);
    }

    @Test
    void compoundAssignmentToBoolConvertsTheResult() {
        byte[] out = new byte[4];
        Compiled.run(Compiled.elementwise("bool *out",
                "bool t = true; switch ((int) i) { case 0: t &= 2; break; case 1: t ^= 2; break;"
                        + " case 2: t |= 0; break; default: t -= 1; } out[i] = t; out[i] |= i == 3;"), 4, out);
        assertArrayEquals(new byte[] {0, 1, 1, 1}, out);
    }

    @Test
    void conditionsAcceptAnyArithmeticType() {
        double[] d = {0.0, -0.5, Double.NaN};
        long[] l = {0, 1L << 40, -1};
        int[] out = new int[3];
        Compiled.run(Compiled.elementwise("double *d, long *l, int *out",
                "out[i] = 0; if (d[i]) out[i] += 1; if (l[i]) out[i] += 10; while (!out[i]) { out[i] = -1; }"),
                3, d, l, out);
        assertArrayEquals(new int[] {-1, 11, 11}, out);
    }

    @Test
    void ternariesMixTypes() {
        int[] k = {-3, 4};
        double[] out = new double[2];
        float[] abs = new float[2];
        Compiled.run(Compiled.elementwise("int *k, double *out, float *abs",
                "out[i] = k[i] > 0 ? k[i] : 0.5; abs[i] = k[i] < 0 ? -k[i] : k[i] > 100 ? 100 : k[i]"), 2, k, out, abs);
        assertArrayEquals(new double[] {0.5, 4}, out);
        assertArrayEquals(new float[] {3, 4}, abs);
    }

    @Test
    void loopsWithBreakAndContinue() {
        int[] k = {0, 1, 6, 27};
        int[] sum = new int[4];
        int[] steps = new int[4];
        int[] odd = new int[4];
        Compiled.run(Compiled.elementwise("int *k, int *sum, int *steps, int *odd",
                "int s = 0; for (int j = 0; j <= k[i]; j++) s += j; sum[i] = s;"
                        + "int c = 0; int v = k[i]; while (v > 1) { v = v % 2 ? 3 * v + 1 : v / 2; c++; } steps[i] = c;"
                        + "int o = 0; int j = 0; do { j++; if (j % 2 == 0) continue; if (j > 9) break; o += j; }"
                        + " while (j < k[i]); odd[i] = o;"), 4, k, sum, steps, odd);
        assertArrayEquals(new int[] {0, 1, 21, 378}, sum);
        assertArrayEquals(new int[] {0, 0, 8, 111}, steps);
        assertArrayEquals(new int[] {1, 1, 9, 25}, odd);
    }

    @Test
    void forHeadersWithCommasAndNestedLoops() {
        int[] out = new int[1];
        Compiled.run(Compiled.elementwise("int *out",
                "int t = 0; for (int a = 0, b = 10; a < b; a++, b--) t += b - a;"
                        + "for (int p = 0; p < 3; p++) for (int q = 0; q < 3; q++) { if (q > p) break; t += 100; }"
                        + "out[i] = t"), 1, out);
        assertArrayEquals(new int[] {30 + 600}, out);
    }

    @Test
    void switchFallsThroughLikeC() {
        int[] k = {1, 2, 3, 7};
        int[] out = new int[4];
        Compiled.run(Compiled.elementwise("int *k, int *out",
                "int r = 0; switch (k[i]) { case 1: r += 1; case 2: r += 10; break; case 3: { r = 300; break; }"
                        + " default: r = -1; } out[i] = r"), 4, k, out);
        assertArrayEquals(new int[] {11, 10, 300, -1}, out);
    }

    @Test
    void continueInAnOperationSkipsTheElement() {
        float[] x = {1, -2, 3};
        float[] y = {0, 0, 0};
        Compiled.run(Compiled.elementwise("float *x, float *y", "if (x[i] < 0) continue; y[i] = x[i] * 2;"), 3, x, y);
        assertArrayEquals(new float[] {2, 0, 6}, y);
    }

    @Test
    void localArraysAndShadowedNames() {
        float[] x = {1, 2};
        float[] a = {10, 20};
        float[] out = new float[2];
        Compiled.run(Compiled.elementwise("float *x, float *a, float *out",
                "float t[4]; int w[] = {1, 2, 3}; for (int j = 0; j < 4; j++) t[j] = x[i] * j;"
                        + "float s = t[3] + w[2]; { float a = 0.5f; s += a; } { int s2 = 1; s += s2; }"
                        + "out[i] = s + a[i]"),
                2, x, a, out);
        assertArrayEquals(new float[] {3 + 3 + 0.5f + 1 + 10, 6 + 3 + 0.5f + 1 + 20}, out);
    }

    @Test
    void javaKeywordsAndClassNamesAreUsableAsCNames() {
        float[] math = {4, 9};
        float[] out = new float[2];
        Compiled.run(Compiled.elementwise("float *Math, float *out",
                "float final = Math[i]; int byte = 2; double String = sqrt(final); out[i] = String * byte"),
                2, math, out);
        assertArrayEquals(new float[] {4, 6}, out);
    }

    @Test
    void loopPrepAndAfterLoopRunOncePerRange() {
        float[] x = {1, 2, 3, 4};
        float[] total = new float[1];
        JavaElementwiseKernel k = Compiled.elementwise(new ElementwiseSpec("acc",
                ArgumentList.parse("float *x, float *total"), "s += x[i] * scale", "", "float s = 0; const float scale = 2.0f;", "total[0] += s;"));
        k.run(new Object[] {x, total}, 4, 0, 2);
        k.run(new Object[] {x, total}, 4, 2, 4);
        assertEquals(20f, total[0]);
    }

    @Test
    void unusualButValidStatements() {
        int[] k = {0, 1, 2};
        int[] out = new int[3];
        Compiled.run(Compiled.elementwise("int *k, int *out",
                "int r = 0; ;; do { r += 1; } while (0); for (;;) { if (r > 3) break; r++; }"
                        + "while (1) { if (r++ > 5) break; } if (0) { r = -100; } while (0) { r = -1; }"
                        + "for (int z = 0; 0; z++) { r = -2; }"
                        + "switch (k[i] > 0) { case 0: r += 1000; break; case 1: r += 2000; }"
                        + "(void) r; k[i] > 1 ? r++ : r--; k[i] && (r += 10000); r == 0;"
                        + "{ int t = r; } out[i] = r"), 3, k, out);
        assertArrayEquals(new int[] {1006, 12006, 12008}, out);
    }

    @Test
    void deadCodeAfterReturnAndBreakIsDropped() {
        int[] out = new int[3];
        Compiled.run(Compiled.elementwise("int *out", "out[i] = f((int) i)",
                "int f(int k) { while (1) { if (k > 0) { return k * 2; } return -1; k = 5; } return 0; }"), 3, out);
        assertArrayEquals(new int[] {-1, 2, 4}, out);
    }
}
