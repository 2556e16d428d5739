package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.kernels.ElementwiseSpec;
import org.junit.jupiter.api.Test;

/** Helper functions, constants and macros of the preamble. */
class PreambleAndMacroTest {
    @Test
    void helperFunctionsInAnyOrderWithRecursionAndQualifiers() {
        int[] k = {0, 3, 5};
        int[] out = new int[3];
        String preamble = """
                // helpers call each other before their definitions
                __device__ static inline int twice_fact(int k) { return 2 * fact(k); }
                __forceinline__ __host__ __device__ int fact(int k)
                {
                    if (k <= 1) return 1;
                    return k * fact(k - 1);
                }
                """;
        Compiled.run(Compiled.elementwise("int *k, int *out", "out[i] = twice_fact(k[i])", preamble), 3, k, out);
        assertArrayEquals(new int[] {2, 12, 240}, out);
    }

    @Test
    void helperArgumentsAndResultsConvertLikeC() {
        double[] out = new double[2];
        byte[] flags = new byte[2];
        String preamble = """
                float halve(float v) { return v / 2; }
                int truncated(double v) { return v; }
                bool positive(long v) { return v > 0; }
                void store(double *o, bool *f, long k, double v) { o[k] = v; f[k] = positive(k); }
                """;
        Compiled.run(Compiled.elementwise("double *out, bool *flags",
                "store(out, flags, i, halve(3) + truncated(2.9) + halve(1.0 / 3))", preamble), 2, out, flags);
        double expected = 1.5f + 2 + (float) (1.0 / 3) / 2;
        assertArrayEquals(new double[] {expected, expected}, out);
        assertArrayEquals(new byte[] {0, 1}, flags);
    }

    @Test
    void objectAndFunctionLikeMacros() {
        float[] x = {1, 2, 3};
        float[] out = new float[3];
        String preamble = """
                #define SCALE 3
                #define SQR(x) ((x)*(x))
                #define TWICE(x) (2 * (x))
                #define MADD(a, b, c) ((a) * (b) + (c))
                #pragma unroll
                #define LONG_MACRO(v) \\
                    ((v) + 1)
                """;
        Compiled.run(Compiled.elementwise("float *x, float *out",
                "out[i] = SQR(TWICE(x[i])) + MADD(SCALE, x[i], LONG_MACRO(SQR(1 + 1)))", preamble), 3, x, out);
        for (int k = 0; k < 3; k++) {
            assertEquals(4 * x[k] * x[k] + 3 * x[k] + 5, out[k]);
        }
    }

    @Test
    void macrosDoNotExpandInsideThemselves() {
        int[] out = new int[1];
        String preamble = """
                int bar(int v) { return v + 10; }
                #define bar(x) bar(x) * 2
                #define self self
                """;
        Compiled.run(Compiled.elementwise("int *out", "int self = 4; out[i] = self + bar(1)", preamble), 1, out);
        assertArrayEquals(new int[] {4 + 11 * 2}, out);
    }

    @Test
    void macrosCanBeDefinedAndUndefinedInSnippets() {
        int[] out = new int[1];
        Compiled.run(Compiled.elementwise("int *out", "#define V 7\nint t = V;\n#undef V\n#define V 1\nout[i] = t + V"),
                1, out);
        assertArrayEquals(new int[] {8}, out);
    }

    @Test
    void constGlobals() {
        double[] out = new double[1];
        String preamble = """
                const int N = 4;
                const double WEIGHTS[N] = {0.5, 0.25};
                const float K = N * 2.5f, L = K + 1;
                """;
        Compiled.run(Compiled.elementwise("double *out", "out[i] = K + L + WEIGHTS[1] + WEIGHTS[3]", preamble), 1, out);
        assertArrayEquals(new double[] {10 + 11 + 0.25}, out);
    }

    @Test
    void fallingOffTheEndOfANonVoidFunctionThrows() {
        int[] out = new int[2];
        JavaElementwiseKernel k = Compiled.elementwise("int *out", "out[i] = f(i)",
                "int f(long v) { if (v > 0) return 1; }");
        k.run(new Object[] {out}, 2, 1, 2);
        assertEquals(1, out[1]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> k.run(new Object[] {out}, 2, 0, 1));
        assertTrue(e.getMessage().contains("'f'"), e.getMessage());
    }

    @Test
    void classNamesDependOnTheWholeSpec() {
        JavaSource a = JavaSourceGenerator.elementwise(ElementwiseSpec.of("axpy", "float *x", "x[i] = 1"));
        JavaSource b = JavaSourceGenerator.elementwise(ElementwiseSpec.of("axpy", "float *x", "x[i] = 1"));
        JavaSource c = JavaSourceGenerator.elementwise(ElementwiseSpec.of("axpy", "float *x", "x[i] = 2"));
        assertEquals(a, b);
        assertNotEquals(a.className(), c.className());
        assertTrue(a.className().matches("org\\.jgpuarray\\.generated\\.Elementwise_axpy_[0-9a-f]{16}"), a.className());
    }
}
