package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.ReductionKernel;
import org.junit.jupiter.api.Test;

/** User elementwise kernels: scalars, preambles, control flow, C integer semantics; outputs are poisoned first. */
public abstract class ElementwiseKernelConformance extends ConformanceBase {

    @Test
    void recipeLinearCombination() {
        ElementwiseKernel lin = ctx.elementwiseKernel("float a, float *x, float b, float *y, float *c",
                "c[i] = a*x[i] + b*y[i]", "linear_combination");
        for (int n : SIZES) {
            Random r = random("lin", n);
            float[] x = floats(r, n, -1, 1);
            float[] y = floats(r, n, -1, 1);
            double[] expected = new double[n];
            for (int k = 0; k < n; k++) {
                expected[k] = 2.0 * x[k] + 5.0 * y[k];
            }
            try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y);
                 GPUArray c = ctx.full(DType.FLOAT32, Float.NaN, n)) {
                lin.call(2f, gx, 5f, gy, c);
                // float32 rounding of each term: |2x| + |5y| <= 7, so an absolute bound covers cancellation
                assertClose(expected, c.toFloatArray(), 1e-6, 7 * 0x1p-22, "linear combination n=" + n);
            }
        }
    }

    /** An operation may end in a line comment: the statement's end does not vanish into it. */
    @Test
    void operationEndingInALineComment() {
        ElementwiseKernel k = ctx.elementwiseKernel("float *x, float *y", "y[i] = 2 * x[i] + 1 // twice, plus one",
                "commented");
        for (int n : new int[] {0, 1, 3, 1024, 1000003}) {
            float[] x = floats(random("commented", n), n, -4, 4);
            double[] expected = new double[n];
            for (int j = 0; j < n; j++) {
                expected[j] = 2.0 * x[j] + 1;
            }
            try (GPUArray gx = ctx.toGpu(x); GPUArray y = ctx.full(DType.FLOAT32, Float.NaN, n);
                 GPUArray matrix = ctx.full(DType.FLOAT32, Float.NaN, 3, 5);
                 GPUArray column = ctx.toGpu(new float[] {1, 2, 3}, 3, 1)) {
                k.call(gx, y);
                assertClose(expected, y.toFloatArray(), 1e-6, 1e-6, "n=" + n);
                k.call(column, matrix); // a broadcast operand: the strided kernel
                float[] m = matrix.toFloatArray();
                for (int j = 0; j < 15; j++) {
                    assertEquals(2 * (j / 5 + 1) + 1, m[j], 0, "broadcast element " + j);
                }
            }
        }
    }

    @Test
    void preambleHelpersIfElseAndLoops() {
        ElementwiseKernel k = ctx.elementwiseKernelBuilder("int *x, int *out, int terms",
                        "int v = x[i];\n"
                        + "if (v % 2 == 0) {\n"
                        + "    out[i] = triangle(v);\n"
                        + "} else if (v < 0) {\n"
                        + "    out[i] = -1;\n"
                        + "} else {\n"
                        + "    int s = 0;\n"
                        + "    for (int j = 0; j < terms; j++) { s += SQUARE(j); }\n"
                        + "    int w = v;\n"
                        + "    while (w > 10) { w /= 2; }\n"
                        + "    out[i] = s + w;\n"
                        + "}", "control_flow")
                .preamble("#define SQUARE(q) ((q) * (q))\nint triangle(int m) { return m * (m + 1) / 2; }")
                .build();
        for (int n : SIZES) {
            int[] x = ints(random("flow", n), n, -100, 100);
            int[] expected = new int[n];
            for (int j = 0; j < n; j++) {
                int v = x[j];
                if (v % 2 == 0) {
                    expected[j] = v * (v + 1) / 2;
                } else if (v < 0) {
                    expected[j] = -1;
                } else {
                    int w = v;
                    while (w > 10) {
                        w /= 2;
                    }
                    expected[j] = 0 + 1 + 4 + 9 + w;
                }
            }
            try (GPUArray gx = ctx.toGpu(x); GPUArray out = ctx.full(DType.INT32, -999, n)) {
                k.call(gx, out, 4);
                assertArrayEquals(expected, out.toIntArray(), "n=" + n);
            }
        }
    }

    @Test
    void int32OverflowWrapsAsInC() {
        ElementwiseKernel k = ctx.elementwiseKernel("int *x, int *out", "out[i] = x[i] * 65536 + 2147483647",
                "wrap");
        int[] x = {0, 1, 32768, -32768, 40000};
        int[] expected = new int[x.length];
        for (int j = 0; j < x.length; j++) {
            expected[j] = x[j] * 65536 + 2147483647;
        }
        try (GPUArray gx = ctx.toGpu(x); GPUArray out = ctx.full(DType.INT32, 7, x.length)) {
            k.call(gx, out);
            assertArrayEquals(expected, out.toIntArray());
        }
    }

    @Test
    void loopPrepAndMixedTypes() {
        ElementwiseKernel k = ctx.elementwiseKernelBuilder("long *idx, float *x, double s, int *out",
                "out[i] = (int) (x[i] * scale * s) + (int) (idx[i] % 7); idx[i] = i * n", "mixed")
                .loopPrep("float scale = 2.0f;").build();
        int n = 1000;
        float[] x = floats(random("mixed", n), n, -10, 10);
        long[] idx = longs(random("mixed-idx", n), n, 0, 1L << 40);
        int[] expected = new int[n];
        long[] expectedIdx = new long[n];
        for (int j = 0; j < n; j++) {
            expected[j] = (int) ((double) (x[j] * 2.0f) * 0.5) + (int) (idx[j] % 7);
            expectedIdx[j] = (long) j * n;
        }
        assumeFp64();
        try (GPUArray gi = ctx.toGpu(idx); GPUArray gx = ctx.toGpu(x); GPUArray out = ctx.full(DType.INT32, -1, n)) {
            k.call(gi, gx, 0.5, out);
            assertArrayEquals(expected, out.toIntArray());
            assertArrayEquals(expectedIdx, gi.toLongArray(), "i and n are 64-bit in every dialect");
        }
    }

    @Test
    void boolArraysAndTernaries() {
        ElementwiseKernel k = ctx.elementwiseKernel("float *x, bool *positive, float *clipped",
                "positive[i] = x[i] > 0; clipped[i] = positive[i] ? x[i] : 0.0f", "bools");
        float[] x = {-1, 0, 2.5f, -0.0f, 3};
        try (GPUArray gx = ctx.toGpu(x); GPUArray p = ctx.zeros(DType.BOOL, x.length);
             GPUArray c = ctx.full(DType.FLOAT32, Float.NaN, x.length)) {
            k.call(gx, p, c);
            assertArrayEquals(new boolean[] {false, false, true, false, true}, p.toBooleanArray());
            assertArrayEquals(new float[] {0, 0, 2.5f, 0, 3}, c.toFloatArray());
        }
    }

    @Test
    void explicitLaunchSize() {
        ElementwiseKernel k = ctx.elementwiseKernel("float *x", "x[i] = i", "first_part");
        try (GPUArray x = ctx.full(DType.FLOAT32, -1, 6)) {
            k.launch(4, x);
            assertArrayEquals(new float[] {0, 1, 2, 3, -1, -1}, x.toFloatArray());
        }
    }

    @Test
    void kernelNamesOfAnyLengthAndNamesOfBuiltinsWork() {
        String longName = "k" + "_long".repeat(51);
        for (String name : new String[] {"sin", "exp", "dot", "max", "select", "main", "barrier", longName}) {
            ElementwiseKernel k = ctx.elementwiseKernel("float *x", "x[i] = 2 * x[i] + 1", name);
            ReductionKernel r = ctx.reductionKernelBuilder(DType.FLOAT32, "0", "a + b", "x[i]", "float *x").name(name)
                    .build();
            assertEquals(name, k.name());
            try (GPUArray x = ctx.toGpu(new float[] {1, 2, 3}); GPUArray total = r.call(x)) {
                k.call(x);
                assertArrayEquals(new float[] {3, 5, 7}, x.toFloatArray(), name);
                assertEquals(6, total.item(), name);
            }
        }
        assertEquals(256, longName.length());
    }

    @Test
    void anArrayShorterThanTheLaunchIsRefusedNamingBothSizes() {
        ElementwiseKernel k = ctx.elementwiseKernel("float *x, float *y", "y[i] = 7", "short_arrays");
        ReductionKernel dot = ctx.reductionKernel(DType.FLOAT32, "0", "a + b", "x[i] * y[i]", "float *x, float *y");
        try (GPUArray x = ctx.zeros(DType.FLOAT32, 4096); GPUArray y = ctx.full(DType.FLOAT32, -1, 16)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.call(x, y));
            assertTrue(e.getMessage().contains("'float *y'") && e.getMessage().contains("16")
                    && e.getMessage().contains("4096"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> k.launch(1000, y, y));
            assertThrows(IllegalArgumentException.class, () -> dot.call(x, y));
            k.launch(16, x, y);
            float[] sevens = new float[16];
            java.util.Arrays.fill(sevens, 7);
            assertArrayEquals(sevens, y.toFloatArray(), "a launch within both arrays runs");
        }
    }
}
