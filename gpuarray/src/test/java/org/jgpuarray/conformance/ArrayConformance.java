package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/** Transfers, factories, reshape, astype, fill and copy. */
public abstract class ArrayConformance extends ConformanceBase {

    @Test
    void roundTripsEveryDtypeAtEverySize() {
        for (int n : SIZES) {
            Random r = random("roundTrip", n);
            float[] f = floats(r, n, -1e3, 1e3);
            int[] i = ints(r, n, Integer.MIN_VALUE, Integer.MAX_VALUE);
            long[] l = longs(r, n, -(1L << 62), 1L << 62);
            boolean[] b = new boolean[n];
            for (int k = 0; k < n; k++) {
                b[k] = r.nextBoolean();
            }
            try (GPUArray gf = ctx.toGpu(f); GPUArray gi = ctx.toGpu(i); GPUArray gl = ctx.toGpu(l);
                 GPUArray gb = ctx.toGpu(b)) {
                assertArrayEquals(f, gf.toFloatArray(), "float32 n=" + n);
                assertArrayEquals(i, gi.toIntArray(), "int32 n=" + n);
                assertArrayEquals(l, gl.toLongArray(), "int64 n=" + n);
                assertArrayEquals(b, gb.toBooleanArray(), "bool n=" + n);
                assertEquals(n, gf.size());
            }
            if (ctx.device().fp64()) {
                double[] d = doubles(r, n, -1e300, 1e300);
                try (GPUArray gd = ctx.toGpu(d)) {
                    assertArrayEquals(d, gd.toDoubleArray(), "float64 n=" + n);
                }
            }
        }
    }

    @Test
    void shapesAndReshapeShareMemory() {
        GPUArray a = ctx.toGpu(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertEquals(2, a.ndim());
        GPUArray b = a.reshape(3, -1);
        assertArrayEquals(new long[] {3, 2}, b.shape());
        a.fill(7);
        assertArrayEquals(new float[] {7, 7, 7, 7, 7, 7}, b.toFloatArray(), "a reshape views the same memory");
        a.close();
        assertArrayEquals(new float[] {7, 7, 7, 7, 7, 7}, b.toFloatArray(), "the view keeps the memory alive");
        b.close();
    }

    @Test
    void recipeDoublesAMatrix() {
        try (GPUArray a = ctx.toGpu(new float[] {1, 2, 3, 4, 5, 6}, 2, 3); GPUArray doubled = a.mul(2)) {
            assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, doubled.toFloatArray());
            assertEquals(DType.FLOAT32, doubled.dtype());
            assertArrayEquals(new long[] {2, 3}, doubled.shape());
        }
    }

    @Test
    void astypeFollowsCCasts() {
        float[] f = {-2.7f, -0.5f, 0f, 0.5f, 2.7f, 1e6f};
        try (GPUArray a = ctx.toGpu(f)) {
            assertArrayEquals(new int[] {-2, 0, 0, 0, 2, 1000000}, a.astype(DType.INT32).toIntArray());
            assertArrayEquals(new boolean[] {true, true, false, true, true, true}, a.astype(DType.BOOL).toBooleanArray());
            assertArrayEquals(new long[] {-2, 0, 0, 0, 2, 1000000}, a.toLongArray(), "toLongArray converts");
        }
        try (GPUArray b = ctx.toGpu(new boolean[] {true, false, true})) {
            assertArrayEquals(new float[] {1, 0, 1}, b.toFloatArray());
        }
        try (GPUArray l = ctx.toGpu(new long[] {1L << 40, -3})) {
            assertArrayEquals(new int[] {0, -3}, l.toIntArray(), "int64 -> int32 keeps the low 32 bits");
        }
    }

    @Test
    void factoriesFillAndCopy() {
        for (int n : SIZES) {
            try (GPUArray z = ctx.zeros(DType.INT32, n); GPUArray f = ctx.full(DType.FLOAT32, 2.5, n)) {
                assertArrayEquals(new int[n], z.toIntArray());
                float[] expected = new float[n];
                java.util.Arrays.fill(expected, 2.5f);
                assertArrayEquals(expected, f.toFloatArray());
                try (GPUArray c = f.copy()) {
                    f.fill(-1);
                    assertArrayEquals(expected, c.toFloatArray(), "a copy is independent of its source");
                }
            }
        }
        try (GPUArray like = ctx.zerosLike(ctx.arange(DType.INT64, 5).reshape(5, 1))) {
            assertArrayEquals(new long[] {5, 1}, like.shape());
            assertEquals(DType.INT64, like.dtype());
            assertArrayEquals(new long[5], like.toLongArray());
        }
    }

    @Test
    void arangeMatchesNumPy() {
        for (int n : SIZES) {
            int[] expected = new int[n];
            for (int k = 0; k < n; k++) {
                expected[k] = k;
            }
            try (GPUArray a = ctx.arange(DType.INT32, n)) {
                assertArrayEquals(expected, a.toIntArray(), "arange n=" + n);
            }
        }
        try (GPUArray a = ctx.arange(DType.FLOAT32, 1, 2, 0.25)) {
            assertArrayEquals(new float[] {1f, 1.25f, 1.5f, 1.75f}, a.toFloatArray());
        }
        try (GPUArray a = ctx.arange(DType.INT64, 10, -5, -4)) {
            assertArrayEquals(new long[] {10, 6, 2, -2}, a.toLongArray());
        }
    }

    @Test
    void zeroDimensionalArraysHoldScalars() {
        try (GPUArray s = ctx.full(DType.INT64, 42)) {
            assertEquals(0, s.ndim());
            assertEquals(1, s.size());
            assertEquals(42.0, s.item());
        }
    }
}
