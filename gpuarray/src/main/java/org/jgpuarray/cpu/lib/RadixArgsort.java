package org.jgpuarray.cpu.lib;

/**
 * The stable argsort of unsigned ranks: which position holds the k-th smallest rank, equal ranks in position
 * order. Short rows are merge-sorted (insertion-sorted runs, then bottom-up merges); long rows are LSD
 * radix-sorted by {@value #DIGIT_BITS}-bit digits over (rank, position) pairs, on all cores for the longest,
 * skipping passes in which every rank has the same digit. Measured against packing a 32-bit rank and the
 * position into one {@code long} for {@code Arrays.parallelSort}, the radix sort was faster for 32-bit
 * ranks, and for 64-bit ranks (which leave no room to pack) it is the fast path there is.
 *
 * <p>Thread-safe: stateless.
 */
final class RadixArgsort {
    /** Rows shorter than this are merge-sorted. */
    static final int RADIX_MIN = 4096;
    private static final int DIGIT_BITS = 11;
    private static final int RADIX = 1 << DIGIT_BITS;
    private static final int RUN = 32;
    /** Elements per chunk of a parallel radix pass. */
    private static final long CHUNK = 1 << 18;

    private RadixArgsort() {
    }

    /**
     * The positions of {@code ranks} in sorted order.
     *
     * @param ranks    unsigned, below {@code 2^bits}; modified (the sort's scratch)
     * @param bits     how many low bits of the ranks vary (1, 32 or 64)
     * @param parallel whether a long row may use all cores
     */
    static int[] sort(long[] ranks, int bits, boolean parallel) {
        if (ranks.length < RADIX_MIN) {
            return mergeSort(ranks);
        }
        return radix(ranks, bits, parallel ? CpuWorkers.chunks(ranks.length, CHUNK) : 1);
    }

    private static int[] radix(long[] ranks, int bits, int chunks) {
        int n = ranks.length;
        long[] keys = ranks;
        long[] keysOut = new long[n];
        int[] values = null;
        int[] valuesOut = new int[n];
        int[][] offsets = new int[chunks][RADIX];
        for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
            if (!count(keys, shift, chunks, offsets)) {
                continue;
            }
            long[] kin = keys;
            long[] kout = keysOut;
            int[] vin = values;
            int[] vout = valuesOut;
            int sh = shift;
            CpuWorkers.run(chunks, c -> {
                int[] at = offsets[c];
                for (int i = CpuWorkers.split(n, chunks, c); i < CpuWorkers.split(n, chunks, c + 1); i++) {
                    long k = kin[i];
                    int to = at[(int) (k >>> sh) & (RADIX - 1)]++;
                    kout[to] = k;
                    vout[to] = vin == null ? i : vin[i];
                }
            });
            keysOut = kin;
            keys = kout;
            valuesOut = vin != null ? vin : new int[n];
            values = vout;
        }
        if (values == null) {
            values = new int[n];
            for (int i = 0; i < n; i++) {
                values[i] = i;
            }
        }
        return values;
    }

    /**
     * Counts the digits at {@code shift} per chunk and turns the counts into each chunk's first output
     * position per digit; false when every key has the same digit (the pass would move nothing).
     */
    private static boolean count(long[] keys, int shift, int chunks, int[][] offsets) {
        int n = keys.length;
        CpuWorkers.run(chunks, c -> {
            int[] h = offsets[c];
            java.util.Arrays.fill(h, 0);
            for (int i = CpuWorkers.split(n, chunks, c); i < CpuWorkers.split(n, chunks, c + 1); i++) {
                h[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
            }
        });
        return toOffsets(offsets, chunks, n);
    }

    /**
     * Turns per-chunk digit counts into each chunk's first output position per digit (digits in order,
     * chunks in order within a digit, so the pass is stable); false when one digit holds all {@code n} keys.
     *
     * @param offsets counts per chunk and digit, replaced by the positions
     */
    static boolean toOffsets(int[][] offsets, int chunks, int n) {
        int sum = 0;
        for (int d = 0; d < offsets[0].length; d++) {
            int total = 0;
            for (int c = 0; c < chunks; c++) {
                int count = offsets[c][d];
                offsets[c][d] = sum + total;
                total += count;
            }
            if (total == n) {
                return false;
            }
            sum += total;
        }
        return true;
    }

    /** Stable merge sort of (key, position) pairs; {@code keys} is modified. */
    private static int[] mergeSort(long[] keys) {
        int n = keys.length;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int lo = 0; lo < n; lo += RUN) {
            insertionSort(keys, values, lo, Math.min(n, lo + RUN));
        }
        long[] k = keys;
        int[] v = values;
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                merge(k, v, lo, Math.min(n, lo + width), Math.min(n, lo + 2 * width), k2, v2);
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] tv = v;
            v = v2;
            v2 = tv;
        }
        return v;
    }

    private static void insertionSort(long[] k, int[] v, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long key = k[i];
            int value = v[i];
            int j = i - 1;
            while (j >= from && Long.compareUnsigned(k[j], key) > 0) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                j--;
            }
            k[j + 1] = key;
            v[j + 1] = value;
        }
    }

    private static void merge(long[] k, int[] v, int lo, int mid, int hi, long[] kOut, int[] vOut) {
        int a = lo;
        int b = mid;
        for (int o = lo; o < hi; o++) {
            if (b >= hi || (a < mid && Long.compareUnsigned(k[a], k[b]) <= 0)) {
                kOut[o] = k[a];
                vOut[o] = v[a++];
            } else {
                kOut[o] = k[b];
                vOut[o] = v[b++];
            }
        }
    }
}
