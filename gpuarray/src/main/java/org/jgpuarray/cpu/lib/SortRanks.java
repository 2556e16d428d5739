package org.jgpuarray.cpu.lib;

import org.jgpuarray.kernels.ScalarType;

/**
 * The ranks that order elements as jgpuarray sorts them, as unsigned integers in a {@code long}: the same
 * mapping as the portable radix sort's kernels ({@code org.jgpuarray.kernels.lib.SortKernels}). Integers
 * rank by value, floats by value with -0.0 equal to 0.0 and every NaN equal and above +inf; bools are 0 or 1.
 *
 * <p>Thread-safe: stateless.
 */
final class SortRanks {
    private SortRanks() {
    }

    /**
     * Writes the ranks of {@code array[from + k]} into {@code ranks[k]} for {@code k} in {@code [start, end)}.
     *
     * @param array the Java array behind a buffer of {@code type}; not modified
     * @param ranks modified
     */
    static void fill(ScalarType type, Object array, int from, long[] ranks, int start, int end) {
        switch (type) {
            case BOOL -> {
                byte[] a = (byte[]) array;
                for (int k = start; k < end; k++) {
                    ranks[k] = a[from + k] != 0 ? 1 : 0;
                }
            }
            case INT32 -> {
                int[] a = (int[]) array;
                for (int k = start; k < end; k++) {
                    ranks[k] = (a[from + k] ^ 0x80000000) & 0xFFFFFFFFL;
                }
            }
            case INT64 -> {
                long[] a = (long[]) array;
                for (int k = start; k < end; k++) {
                    ranks[k] = a[from + k] ^ Long.MIN_VALUE;
                }
            }
            case FLOAT32 -> {
                float[] a = (float[]) array;
                for (int k = start; k < end; k++) {
                    ranks[k] = rank(a[from + k]);
                }
            }
            case FLOAT64 -> {
                double[] a = (double[]) array;
                for (int k = start; k < end; k++) {
                    ranks[k] = rank(a[from + k]);
                }
            }
            default -> throw new IllegalArgumentException("cannot sort " + type.numpyName());
        }
    }

    /** The rank of a float32 value, in the low 32 bits. */
    static long rank(float x) {
        int u = Float.floatToRawIntBits(x);
        int magnitude = u & 0x7FFFFFFF;
        if (magnitude > 0x7F800000) {
            return 0xFFFFFFFFL;
        }
        if (magnitude == 0) {
            return 0x80000000L;
        }
        return (u < 0 ? ~u : u | 0x80000000) & 0xFFFFFFFFL;
    }

    /** The rank of a float64 value. */
    static long rank(double x) {
        long u = Double.doubleToRawLongBits(x);
        long magnitude = u & Long.MAX_VALUE;
        if (magnitude > 0x7FF0000000000000L) {
            return -1L;
        }
        if (magnitude == 0) {
            return Long.MIN_VALUE;
        }
        return u < 0 ? ~u : u | Long.MIN_VALUE;
    }
}
