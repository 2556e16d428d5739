// Generated from DoubleSortRows.java by PrecisionGenerator; do not edit.
// Edit DoubleSortRows.java instead and regenerate: see package-info.java.
package org.jgpuarray.cpu.lib;

import java.util.Arrays;

/**
 * Sorts rows of float32 Java arrays with the JDK's sort, then restores what the JDK's order does not keep:
 * the JDK puts -0.0 before 0.0 and reorders NaNs, while jgpuarray's order ranks the zeros equal and all NaNs
 * equal, each group in input order. Both groups are found in the sorted row in O(log n) plus their length;
 * a group is rewritten from the input (one pass over the row) only when its elements differ in bits.
 *
 * <p>Thread-safe: stateless.
 */
final class FloatSortRows {
    private FloatSortRows() {
    }

    /**
     * Sorts {@code src[from, to)} into {@code dst[from, to)}.
     *
     * @param src      not modified
     * @param dst      modified; another array than {@code src}
     * @param parallel whether to sort on all cores ({@code Arrays.parallelSort}) or on this thread
     */
    static void sortRow(float[] src, float[] dst, int from, int to, boolean parallel) {
        System.arraycopy(src, from, dst, from, to - from);
        if (parallel) {
            Arrays.parallelSort(dst, from, to);
        } else {
            Arrays.sort(dst, from, to);
        }
        int nans = to;
        while (nans > from && Float.isNaN(dst[nans - 1])) {
            nans--;
        }
        if (to - nans > 1 && !sameBits(dst, nans, to)) {
            gather(src, dst, from, to, nans, true);
        }
        int zeros = firstNotNegative(dst, from, nans);
        int end = zeros;
        while (end < nans && dst[end] == 0) {
            end++;
        }
        if (end - zeros > 1 && !sameBits(dst, zeros, end)) {
            gather(src, dst, from, to, zeros, false);
        }
    }

    /** The first index of the sorted range {@code [from, to)} (no NaNs) whose value is not below zero. */
    private static int firstNotNegative(float[] a, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean sameBits(float[] a, int from, int to) {
        long first = Float.floatToRawIntBits(a[from]);
        for (int k = from + 1; k < to; k++) {
            if (Float.floatToRawIntBits(a[k]) != first) {
                return false;
            }
        }
        return true;
    }

    /** Copies the NaNs (or the zeros) of {@code src[from, to)}, in order, to {@code dst} from {@code at}. */
    private static void gather(float[] src, float[] dst, int from, int to, int at, boolean nans) {
        int k = at;
        for (int i = from; i < to; i++) {
            float v = src[i];
            if (nans ? Float.isNaN(v) : v == 0) {
                dst[k++] = v;
            }
        }
    }
}
