package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/**
 * Printing and host interop: {@code toString()} against what NumPy 2.4 prints for the same values (the
 * expected text below was produced by NumPy's {@code repr}, not by this library), typed scalars, and
 * 2-D Java arrays in and out.
 */
public abstract class HostInteropConformance extends ConformanceBase {

    @Test
    void printsSmallArraysAsNumPy() {
        try (GPUArray a = ctx.toGpu(new float[] {1f, 2.5f})) {
            assertEquals("array([1. , 2.5], dtype=float32)", a.toString());
        }
        try (GPUArray a = ctx.arange(DType.INT64, 5)) {
            assertEquals("array([0, 1, 2, 3, 4])", a.toString());
        }
        try (GPUArray a = ctx.toGpu(new int[] {1, 2, 3, 4}, 2, 2)) {
            assertEquals("array([[1, 2],\n       [3, 4]], dtype=int32)", a.toString());
        }
        try (GPUArray a = ctx.toGpu(new boolean[] {true, false})) {
            assertEquals("array([ True, False])", a.toString());
        }
        try (GPUArray a = ctx.toGpu(new float[] {3.5f}).reshape()) {
            assertEquals("array(3.5, dtype=float32)", a.toString());
        }
        try (GPUArray a = ctx.toGpu(new float[0])) {
            assertEquals("array([], dtype=float32)", a.toString());
        }
        try (GPUArray a = ctx.toGpu(new int[] {4, 2, 0, 1, 5}, 5)) {
            assertEquals("array([4, 2, 0, 1, 5], dtype=int32)", a.toString());
        }
        try (GPUArray a = ctx.toGpu(new long[] {(1L << 62) + 1, -3})) {
            assertEquals("array([4611686018427387905,                  -3])", a.toString());
        }
    }

    @Test
    void printsFloatsWithNumPysDigitsAndNotation() {
        assumeFp64();
        try (GPUArray a = ctx.zeros(DType.FLOAT64, 0, 5)) {
            assertEquals("array([], shape=(0, 5), dtype=float64)", a.toString());
        }
        try (GPUArray a = ctx.toGpu(new double[] {3.5}).reshape()) {
            assertEquals("array(3.5)", a.toString());
        }
        assertPrints("array([1.e-05, 1.e+00])", 1e-5, 1.0);
        assertPrints("array([0.1, 0.2, 0.3])", 0.1, 0.2, 0.3);
        assertPrints("array([0.33333333])", 1.0 / 3);
        assertPrints("array([ nan,   1., -inf])", Double.NaN, 1.0, Double.NEGATIVE_INFINITY);
        assertPrints("array([-0. ,  1.5])", -0.0, 1.5);
        assertPrints("array([ 1.50e+10, -2.25e+00,  0.00e+00])", 1.5e10, -2.25, 0.0);
        assertPrints("array([1.e+08, 1.e+00])", 1e8, 1.0);
        assertPrints("array([-1.,  2.])", -1.0, 2.0);
        try (GPUArray a = ctx.toGpu(new float[] {1f / 3})) {
            assertEquals("array([0.33333334], dtype=float32)", a.toString());
        }
        try (GPUArray a = ctx.toGpuComplex(DType.COMPLEX64, new float[] {1, 2, 3, -1})) {
            assertEquals("array([1.+2.j, 3.-1.j], dtype=complex64)", a.toString());
        }
    }

    private void assertPrints(String expected, double... values) {
        try (GPUArray a = ctx.toGpu(values)) {
            assertEquals(expected, a.toString());
        }
    }

    @Test
    void wrapsLongRowsAndSeparatesBlocks() {
        try (GPUArray a = ctx.arange(DType.INT64, 30)) {
            assertEquals("array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n"
                    + "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])", a.toString());
        }
        try (GPUArray a = ctx.arange(DType.INT32, 24).reshape(2, 3, 4)) {
            assertEquals("array([[[ 0,  1,  2,  3],\n"
                    + "        [ 4,  5,  6,  7],\n"
                    + "        [ 8,  9, 10, 11]],\n"
                    + "\n"
                    + "       [[12, 13, 14, 15],\n"
                    + "        [16, 17, 18, 19],\n"
                    + "        [20, 21, 22, 23]]], dtype=int32)", a.toString());
        }
    }

    @Test
    void summarisesLargeArraysFetchingOnlyTheirEdges() {
        try (GPUArray a = ctx.arange(DType.INT64, 2000)) {
            assertEquals("array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))", a.toString());
        }
        try (GPUArray a = ctx.arange(DType.FLOAT32, 10000).reshape(100, 100)) {
            assertEquals("array([[0.000e+00, 1.000e+00, 2.000e+00, ..., 9.700e+01, 9.800e+01,\n"
                    + "        9.900e+01],\n"
                    + "       [1.000e+02, 1.010e+02, 1.020e+02, ..., 1.970e+02, 1.980e+02,\n"
                    + "        1.990e+02],\n"
                    + "       [2.000e+02, 2.010e+02, 2.020e+02, ..., 2.970e+02, 2.980e+02,\n"
                    + "        2.990e+02],\n"
                    + "       ...,\n"
                    + "       [9.700e+03, 9.701e+03, 9.702e+03, ..., 9.797e+03, 9.798e+03,\n"
                    + "        9.799e+03],\n"
                    + "       [9.800e+03, 9.801e+03, 9.802e+03, ..., 9.897e+03, 9.898e+03,\n"
                    + "        9.899e+03],\n"
                    + "       [9.900e+03, 9.901e+03, 9.902e+03, ..., 9.997e+03, 9.998e+03,\n"
                    + "        9.999e+03]], shape=(100, 100), dtype=float32)", a.toString());
        }
        try (GPUArray a = ctx.arange(DType.INT64, 8000).reshape(20, 20, 20)) {
            String s = a.toString();
            assertTrue(s.startsWith("array([[[   0,    1,    2, ...,   17,   18,   19],\n"
                    + "        [  20,   21,   22, ...,   37,   38,   39],\n"), s);
            assertTrue(s.contains("        [1180, 1181, 1182, ..., 1197, 1198, 1199]],\n\n       ...,\n\n"
                    + "       [[6800, 6801, 6802, ..., 6817, 6818, 6819],\n"), s);
            assertTrue(s.endsWith("        [7980, 7981, 7982, ..., 7997, 7998, 7999]]], shape=(20, 20, 20))"), s);
        }
    }

    @Test
    void printsViewsInTheirOwnOrder() {
        try (GPUArray a = ctx.toGpu(new int[] {1, 2, 3, 4, 5, 6}, 2, 3); GPUArray t = a.T();
             GPUArray r = a.get(":, ::-2")) {
            assertEquals("array([[1, 4],\n       [2, 5],\n       [3, 6]], dtype=int32)", t.toString());
            assertEquals("array([[3, 1],\n       [6, 4]], dtype=int32)", r.toString());
        }
    }

    @Test
    void shapeAndStridesAreCopies() {
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 2, 3)) {
            a.shape()[0] = 99;
            a.strides()[0] = 99;
            assertArrayEquals(new long[] {2, 3}, a.shape());
            assertArrayEquals(new long[] {3, 1}, a.strides());
            assertEquals(6, a.toFloatArray().length);
        }
    }

    @Test
    void aClosedArrayPrintsItsShape() {
        GPUArray a = ctx.toGpu(new float[] {1, 2, 3});
        a.close();
        String s = a.toString();
        assertTrue(s.startsWith("GPUArray(float32, shape=(3,), ") && s.endsWith("closed)"), s);
    }

    @Test
    void typedScalarsAreExact() {
        long big = (1L << 62) + 1;
        try (GPUArray a = ctx.toGpu(new long[] {big}).reshape()) {
            assertEquals(big, a.longItem());
            assertEquals((double) big, a.doubleItem());
        }
        try (GPUArray a = ctx.toGpu(new int[] {-7})) {
            assertEquals(-7L, a.longItem());
            assertTrue(a.booleanItem());
        }
        try (GPUArray a = ctx.toGpu(new float[] {-2.75f})) {
            assertEquals(-2L, a.longItem());
            assertEquals(-2.75, a.doubleItem());
        }
        try (GPUArray a = ctx.toGpu(new boolean[] {false})) {
            assertEquals(0L, a.longItem());
            assertEquals(false, a.booleanItem());
        }
        try (GPUArray nan = ctx.toGpu(new float[] {Float.NaN}); GPUArray two = ctx.toGpu(new long[] {1, 2})) {
            assertThrows(ArithmeticException.class, nan::longItem);
            IllegalStateException e = assertThrows(IllegalStateException.class, two::longItem);
            assertTrue(e.getMessage().contains("(2,)"), e.getMessage());
        }
    }

    @Test
    void matricesRoundTripThroughJavaArrays() {
        Random r = random("matrices", 7);
        for (int[] dims : new int[][] {{0, 0}, {1, 1}, {3, 5}, {37, 3}}) {
            float[][] f = new float[dims[0]][dims[1]];
            long[][] l = new long[dims[0]][dims[1]];
            boolean[][] b = new boolean[dims[0]][dims[1]];
            for (int i = 0; i < dims[0]; i++) {
                for (int j = 0; j < dims[1]; j++) {
                    f[i][j] = r.nextFloat() * 100 - 50;
                    l[i][j] = r.nextLong();
                    b[i][j] = r.nextBoolean();
                }
            }
            try (GPUArray gf = ctx.toGpu(f); GPUArray gl = ctx.toGpu(l); GPUArray gb = ctx.toGpu(b)) {
                assertArrayEquals(new long[] {dims[0], dims[1]}, gf.shape());
                assertArrayEquals(f, gf.to2dFloatArray());
                assertArrayEquals(l, gl.to2dLongArray());
                assertArrayEquals(b, gb.to2dBooleanArray());
                if (dims[0] > 1 && dims[1] > 1) {
                    try (GPUArray t = gf.T()) {
                        float[][] back = t.to2dFloatArray();
                        for (int i = 0; i < dims[0]; i++) {
                            for (int j = 0; j < dims[1]; j++) {
                                assertEquals(f[i][j], back[j][i]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void raggedOrWrongRankJavaArraysAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ctx.toGpu(new int[][] {{1, 2}, {3, 4}, {5}}));
        assertTrue(e.getMessage().contains("row 2 has 1"), e.getMessage());
        try (GPUArray a = ctx.toGpu(new float[] {1, 2, 3})) {
            IllegalStateException s = assertThrows(IllegalStateException.class, a::to2dFloatArray);
            assertTrue(s.getMessage().contains("2-D") && s.getMessage().contains("(3,)"), s.getMessage());
        }
    }
}
