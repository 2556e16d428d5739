package org.jgpuarray.samples.bench;

import java.util.Arrays;

/**
 * Summary of repeated timings in milliseconds: median, minimum, maximum and the median absolute
 * deviation as a percentage of the median (the spread the summary table shows).
 *
 * @param medianMs the median
 * @param minMs    the fastest run
 * @param maxMs    the slowest run
 * @param madPct   median absolute deviation / median * 100
 * @param runs     how many runs were timed
 */
public record Stats(double medianMs, double minMs, double maxMs, double madPct, int runs) {
    /**
     * Summarizes timings.
     *
     * @param nanos one duration per run, in nanoseconds; not modified
     * @throws IllegalArgumentException when empty
     */
    public static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no timings to summarize");
        }
        double[] ms = Arrays.stream(nanos).mapToDouble(t -> t / 1e6).sorted().toArray();
        double median = median(ms);
        double[] deviations = Arrays.stream(ms).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = median(deviations);
        return new Stats(median, ms[0], ms[ms.length - 1], median > 0 ? 100 * mad / median : 0, ms.length);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
