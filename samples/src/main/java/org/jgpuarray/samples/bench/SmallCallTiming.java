package org.jgpuarray.samples.bench;

import java.util.Arrays;

/**
 * The minimum and the median of a small call's samples, in microseconds per call.
 *
 * @param minMicros    the fastest sample
 * @param medianMicros the median sample
 */
record SmallCallTiming(double minMicros, double medianMicros) {
    /**
     * @param nanos one interval per sample (modified: sorted)
     * @param per   calls per sample
     */
    static SmallCallTiming of(long[] nanos, int per) {
        Arrays.sort(nanos);
        int n = nanos.length;
        double median = n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0;
        return new SmallCallTiming(nanos[0] / 1e3 / per, median / 1e3 / per);
    }
}
