package org.jgpuarray.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.samples.Cli;
import org.junit.jupiter.api.Test;

/** The matmul recipes on the CPU backend, and the host references their checks rest on. */
class MatmulRecipesTest {
    @Test
    void hostReferencesMultiplyAndWrapAsNumpy() {
        // [[1 2 3] [4 5 6]] @ [[7 8] [9 10] [11 12]] = [[58 64] [139 154]]
        long[] a = {1, 2, 3, 4, 5, 6};
        long[] b = {7, 8, 9, 10, 11, 12};
        assertArrayEquals(new long[] {58, 64, 139, 154}, HostMath.matmul(a, b, 2, 2, 3));
        assertArrayEquals(new double[] {58, 64, 139, 154},
                HostMath.matmulDouble(new float[] {1, 2, 3, 4, 5, 6}, new float[] {7, 8, 9, 10, 11, 12}, 2, 2, 3));
        // int64 wraps: 2^62 * 4 = 0 (mod 2^64)
        assertArrayEquals(new long[] {0}, HostMath.matmul(new long[] {1L << 62}, new long[] {4}, 1, 1, 1));
    }

    @Test
    void theFloat64CheckRejectsAWrongElement() {
        double[] expected = {58, 64, 139, 154};
        assertTrue(HostMath.allclose(new float[] {58, 64, 139, 154}, expected, 1e-4, 1e-4));
        assertFalse(HostMath.allclose(new float[] {58, 64, 139, 154.1f}, expected, 1e-4, 1e-4));
        assertFalse(HostMath.allclose(new float[] {58, 64, 139, Float.NaN}, expected, 1e-4, 1e-4));
        assertFalse(HostMath.allclose(new float[] {58, 64, 139}, expected, 1e-4, 1e-4));
        assertEquals(0.5, HostMath.maxAbsDifference(new float[] {58, 64.5f, 139, 154}, expected));
    }

    @Test
    void batchedAndGufuncMatmulEndOkOnTheCpu() {
        Cli.Result r = Cli.run("recipes", "--backend", "cpu", "batched-gemm", "gufunc-matmul");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("recipes: 2 OK, 0 FAILED, 0 SKIPPED"), r::toString);
        assertTrue(r.out().contains("RESULT MATRIX C = A*B"), r::toString);
        assertTrue(r.out().contains("dtype int64, shape (10, 10)"), r::toString);
        // the last stacked product, (2x4 of 7992..7999) @ (4x5 of 19980..19999), first element
        long first = 7992L * 19980 + 7993L * 19985 + 7994L * 19990 + 7995L * 19995;
        assertTrue(r.out().contains(Long.toString(first)), r::toString);
        assertTrue(r.out().contains("one batched matmul"), r::toString);
    }
}
