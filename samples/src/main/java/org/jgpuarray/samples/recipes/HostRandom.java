package org.jgpuarray.samples.recipes;

import java.util.SplittableRandom;

/** Seeded host inputs of the recipes, standing in for {@code numpy.random}. */
final class HostRandom {
    private final SplittableRandom random;

    HostRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code numpy.random.randn(n).astype(numpy.float32)}. */
    float[] randn(int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return v;
    }

    /** {@code numpy.random.rand(n)}: uniform in [0, 1). */
    float[] rand(int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) random.nextDouble();
        }
        return v;
    }

    /** {@code numpy.random.randint(high, size=n)}, as int64. */
    long[] randintLong(long high, int n) {
        long[] v = new long[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextLong(high);
        }
        return v;
    }

    /** {@code numpy.random.randint(low, high, n)}. */
    int[] randint(int low, int high, int n) {
        int[] v = new int[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextInt(low, high);
        }
        return v;
    }
}
