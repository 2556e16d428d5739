package org.jgpuarray.samples.bench;

import java.util.SplittableRandom;

/** Seeded random host inputs for the benchmark. Stateless. */
final class HostData {
    private HostData() {
    }

    /**
     * Uniform values in [-1, 1): mean zero, so float32 sums stay small and accurate at any size.
     *
     * @throws IllegalArgumentException when {@code n} does not fit a Java array
     */
    static float[] uniform(long n, long seed) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("size " + n + " does not fit a Java array");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[(int) n];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    /** float32 rounding unit, 2^-24. */
    static final double EPS32 = 0x1p-24;
}
