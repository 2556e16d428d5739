package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.kernels.lib.Philox4x32;
import org.jgpuarray.random.GpuRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code ctx.random(seed)}: the Philox4x32-10 stream equals the Java reference
 * ({@link Philox4x32}) bit for bit for int32 words and uniforms (which is what makes every backend give
 * the same numbers), normals within a few ulp of it; moments within statistical bounds; seeds and
 * offsets behave.
 */
public abstract class RandomConformance extends ConformanceBase {
    private static final long[] SEEDS = {0, 1, 42, -1, 0x123456789abcdefL};
    private static final int[] COUNTS = {1, 3, 5, 1000, 100003};

    @Test
    void reportsItsImplementation() {
        GpuRandom g = ctx.random(1);
        assertFalse(g.implementation().isBlank());
        System.out.println(getClass().getSimpleName() + ": " + g.implementation());
    }

    @Test
    void bitsEqualTheReference() {
        for (long seed : SEEDS) {
            GpuRandom g = ctx.random(seed);
            long word = 0;
            for (int n : COUNTS) {
                int[] expected = new int[n];
                Philox4x32.words(seed, word, expected, 0, n);
                try (GPUArray bits = g.bits(n)) {
                    assertEquals(DType.INT32, bits.dtype());
                    assertArrayEquals(expected, bits.toIntArray(), "bits seed " + seed + " n " + n);
                }
                word += 4 * Philox4x32.blocksFor(1, n);
                assertEquals(word / 4, g.offset());
            }
        }
    }

    @Test
    void float32UniformsEqualTheReference() {
        for (long seed : SEEDS) {
            GpuRandom g = ctx.random(seed);
            for (int n : COUNTS) {
                long offset = g.offset();
                int[] words = new int[n];
                Philox4x32.words(seed, 4 * offset, words, 0, n);
                float[] expected = new float[n];
                for (int i = 0; i < n; i++) {
                    expected[i] = Philox4x32.uniformFloat(words[i]);
                }
                try (GPUArray u = g.uniform(DType.FLOAT32, n)) {
                    assertArrayEquals(expected, u.toFloatArray(), "uniform float32 seed " + seed + " n " + n);
                }
            }
        }
    }

    @Test
    void float64UniformsEqualTheReference() {
        assumeFp64();
        for (long seed : SEEDS) {
            GpuRandom g = ctx.random(seed);
            for (int n : COUNTS) {
                long offset = g.offset();
                int[] words = new int[2 * n];
                Philox4x32.words(seed, 4 * offset, words, 0, 2 * n);
                double[] expected = new double[n];
                for (int i = 0; i < n; i++) {
                    expected[i] = Philox4x32.uniformDouble(words[2 * i], words[2 * i + 1]);
                }
                try (GPUArray u = g.uniform(DType.FLOAT64, n)) {
                    assertArrayEquals(expected, u.toDoubleArray(), "uniform float64 seed " + seed + " n " + n);
                }
            }
        }
    }

    @Test
    void float32NormalsMatchTheReferenceToAFewUlp() {
        for (long seed : SEEDS) {
            GpuRandom g = ctx.random(seed);
            for (int n : COUNTS) {
                double[] expected = referenceNormals32(seed, g.offset(), n, 1.5f, 2.5f);
                try (GPUArray z = g.normal(DType.FLOAT32, 1.5, 2.5, n)) {
                    // devices' logf, sqrtf, sinpif, cospif are within a few ulp of correctly rounded
                    assertClose(expected, z.toFloatArray(), 4e-6, 2.5 * 2e-6, "normal float32 seed " + seed);
                }
            }
        }
    }

    @Test
    void float64NormalsMatchTheReferenceToAFewUlp() {
        assumeFp64();
        for (long seed : SEEDS) {
            GpuRandom g = ctx.random(seed);
            for (int n : COUNTS) {
                long offset = g.offset();
                double[] expected = new double[n];
                int[] b = new int[4];
                for (int i = 0; i < n; i += 2) {
                    Philox4x32.streamBlock(seed, offset + i / 2, b, 0);
                    double[] z = Philox4x32.normalPair(Philox4x32.uniformDouble(b[0], b[1]),
                            Philox4x32.uniformDouble(b[2], b[3]));
                    expected[i] = Math.fma(0.5, z[0], 3.0);
                    if (i + 1 < n) {
                        expected[i + 1] = Math.fma(0.5, z[1], 3.0);
                    }
                }
                try (GPUArray z = g.normal(DType.FLOAT64, 3.0, 0.5, n)) {
                    assertClose(expected, z.toDoubleArray(), 1e-14, 1e-14, "normal float64 seed " + seed);
                }
            }
        }
    }

    @Test
    void momentsWithinStatisticalBounds() {
        int n = 1_000_000;
        GpuRandom g = ctx.random(2024);
        try (GPUArray u = g.uniform(DType.FLOAT32, n); GPUArray z = g.normal(DType.FLOAT32, 2.0, 3.0, n)) {
            float[] us = u.toFloatArray();
            checkMoments(widen(us), 0.5, 1.0 / 12, "uniform float32");
            for (float v : us) {
                assertTrue(v >= 0 && v < 1, "uniform out of [0, 1): " + v);
            }
            checkMoments(widen(z.toFloatArray()), 2.0, 9.0, "normal float32");
        }
        if (ctx.device().fp64()) {
            try (GPUArray u = g.uniform(DType.FLOAT64, n); GPUArray z = g.normal(DType.FLOAT64, -1.0, 0.5, n)) {
                checkMoments(u.toDoubleArray(), 0.5, 1.0 / 12, "uniform float64");
                checkMoments(z.toDoubleArray(), -1.0, 0.25, "normal float64");
            }
        }
    }

    @Test
    void sameSeedReproducesDifferentSeedsDiffer() {
        float[] a;
        float[] b;
        float[] c;
        float[] next;
        try (GPUArray x = ctx.random(7).rand(1000)) {
            a = x.toFloatArray();
        }
        GpuRandom seven = ctx.random(7);
        try (GPUArray x = seven.rand(1000); GPUArray y = seven.rand(1000)) {
            b = x.toFloatArray();
            next = y.toFloatArray();
        }
        try (GPUArray x = ctx.random(8).rand(1000)) {
            c = x.toFloatArray();
        }
        assertArrayEquals(a, b, "same seed");
        assertFalse(Arrays.equals(a, c), "different seeds");
        assertFalse(Arrays.equals(a, next), "successive calls");
        assertEquals(500, seven.offset());
    }

    @Test
    void deviceLibraryGeneratorIsSeededAndUniform() {
        GpuRandom philox = ctx.random(99);
        if (philox.deviceLibrary().isEmpty()) {
            System.out.println(getClass().getSimpleName() + ": no device random library here");
            return;
        }
        GpuRandom vendor = philox.deviceLibrary().orElseThrow();
        System.out.println(getClass().getSimpleName() + ": device library " + vendor.implementation());
        assertEquals(99, vendor.seed());
        int n = 1_000_000;
        try (GPUArray u = vendor.uniform(DType.FLOAT32, n); GPUArray z = vendor.normal(DType.FLOAT32, 1, 2, n)) {
            float[] us = u.toFloatArray();
            for (float v : us) {
                assertTrue(v >= 0 && v <= 1, "uniform out of [0, 1]: " + v);
            }
            checkMoments(widen(us), 0.5, 1.0 / 12, vendor.implementation() + " uniform");
            checkMoments(widen(z.toFloatArray()), 1, 4, vendor.implementation() + " normal");
        }
        try (GPUArray a = philox.deviceLibrary().orElseThrow().rand(100);
             GPUArray b = ctx.random(99).deviceLibrary().orElseThrow().rand(100)) {
            assertArrayEquals(a.toFloatArray(), b.toFloatArray(), "same seed, same device stream");
        }
    }

    @Test
    void shapesAndArguments() {
        GpuRandom g = ctx.random(3);
        try (GPUArray x = g.normal(DType.FLOAT32, 0, 1, 4, 5); GPUArray e = g.rand(0, 3)) {
            assertArrayEquals(new long[] {4, 5}, x.shape());
            assertEquals(0, e.size());
        }
        assertThrows(IllegalArgumentException.class, () -> g.uniform(DType.INT32, 3));
        assertThrows(IllegalArgumentException.class, () -> g.normal(DType.FLOAT32, 0, -1, 3));
        try (GPUArray out = ctx.zeros(DType.FLOAT32, 6)) {
            long before = g.offset();
            g.fillUniform(out);
            assertEquals(before + 2, g.offset());
            float[] v = out.toFloatArray();
            assertTrue(v[0] != 0 || v[1] != 0);
        }
    }

    private double[] referenceNormals32(long seed, long offset, int n, float mean, float std) {
        double[] expected = new double[n];
        int[] words = new int[n + 1];
        Philox4x32.words(seed, 4 * offset, words, 0, n + 1);
        for (int i = 0; i < n; i += 2) {
            float[] z = Philox4x32.normalPair(Philox4x32.uniformFloat(words[i]), Philox4x32.uniformFloat(words[i + 1]));
            expected[i] = Math.fma(std, z[0], mean);
            if (i + 1 < n) {
                expected[i + 1] = Math.fma(std, z[1], mean);
            }
        }
        return expected;
    }

    /** Mean and variance within six standard errors (the fourth moment bounds the variance's error). */
    private static void checkMoments(double[] x, double mean, double variance, String what) {
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double m = sum / n;
        double ss = 0;
        double s4 = 0;
        for (double v : x) {
            double d = v - m;
            ss += d * d;
            s4 += d * d * d * d;
        }
        double var = ss / (n - 1);
        double kurtosisTerm = s4 / n - var * var;
        assertEquals(mean, m, 6 * Math.sqrt(variance / n), what + ": mean");
        assertEquals(variance, var, 6 * Math.sqrt(kurtosisTerm / n), what + ": variance");
    }
}
