package org.jgpuarray.cuda.fake;

/**
 * The fake libcurand's numbers, recomputed (see {@code src/test/c/fake_libcurand.c}): a hash of (seed,
 * position in 32-bit words), uniforms in (0, 1], Box-Muller normals in pairs.
 */
final class FakeCurand {
    private FakeCurand() {
    }

    /** The word at {@code position}. */
    static int word(long seed, long position) {
        return (int) (mix(seed ^ mix(position)) >>> 32);
    }

    /** A float uniform from one word, as a double. */
    static double uniform1(long seed, long position) {
        return (Integer.toUnsignedLong(word(seed, position)) + 1.0) / 4294967296.0;
    }

    /** A double uniform from two words. */
    static double uniform2(long seed, long position) {
        return (Integer.toUnsignedLong(word(seed, position)) * 4294967296.0
                + Integer.toUnsignedLong(word(seed, position + 1)) + 1.0) / 18446744073709551616.0;
    }

    /** {@code count} normals of one generate call at word {@code start} (count even), float or double. */
    static double[] normals(long seed, long start, int count, boolean dbl, double mean, double std) {
        double[] z = new double[count];
        for (int i = 0; i < count; i += 2) {
            double u1 = dbl ? uniform2(seed, start + 2L * i) : uniform1(seed, start + i);
            double u2 = dbl ? uniform2(seed, start + 2L * i + 2) : uniform1(seed, start + i + 1);
            double r = Math.sqrt(-2 * Math.log(u1));
            z[i] = mean + std * r * Math.cos(2 * Math.PI * u2);
            z[i + 1] = mean + std * r * Math.sin(2 * Math.PI * u2);
        }
        return z;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
