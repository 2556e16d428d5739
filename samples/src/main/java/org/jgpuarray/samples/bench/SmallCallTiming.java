package org.jgpuarray.samples.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Rounds of the same calls as one figure per call: the minimum over the rounds, and the median of the
     * rounds' medians.
     *
     * @param rounds timings by key, one map per round (not modified)
     */
    static Map<String, SmallCallTiming> combine(List<Map<String, SmallCallTiming>> rounds) {
        Map<String, SmallCallTiming> combined = new LinkedHashMap<>();
        if (rounds.isEmpty()) {
            return combined;
        }
        for (String key : rounds.get(0).keySet()) {
            double min = Double.POSITIVE_INFINITY;
            double[] medians = new double[rounds.size()];
            for (int r = 0; r < medians.length; r++) {
                SmallCallTiming t = rounds.get(r).get(key);
                min = Math.min(min, t.minMicros());
                medians[r] = t.medianMicros();
            }
            Arrays.sort(medians);
            int m = medians.length;
            combined.put(key, new SmallCallTiming(min, m % 2 == 1 ? medians[m / 2]
                    : (medians[m / 2 - 1] + medians[m / 2]) / 2));
        }
        return combined;
    }
}
