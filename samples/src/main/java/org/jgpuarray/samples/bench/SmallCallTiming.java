package org.jgpuarray.samples.bench;

import java.util.Arrays;
import java.util.List;

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

    /**
     * Rounds of the same call as one figure: the minimum over the rounds, and the median of the rounds' medians.
     *
     * @param rounds one timing per round, at least one (not modified)
     */
    static SmallCallTiming combine(List<SmallCallTiming> rounds) {
        double min = Double.POSITIVE_INFINITY;
        double[] medians = new double[rounds.size()];
        for (int r = 0; r < medians.length; r++) {
            min = Math.min(min, rounds.get(r).minMicros());
            medians[r] = rounds.get(r).medianMicros();
        }
        Arrays.sort(medians);
        int m = medians.length;
        return new SmallCallTiming(min, m % 2 == 1 ? medians[m / 2] : (medians[m / 2 - 1] + medians[m / 2]) / 2);
    }
}
