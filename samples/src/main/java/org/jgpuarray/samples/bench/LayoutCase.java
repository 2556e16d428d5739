package org.jgpuarray.samples.bench;

/**
 * One measured case of {@code jgpuarray bench --layouts}: its timings and its ratio to the case it is judged
 * against, measured in the same run on the same backend.
 *
 * @param backend  the backend's name
 * @param name     what was timed, e.g. {@code a.T + b}
 * @param baseline the name of the case it is compared with (itself for a baseline)
 * @param bytes    the bytes it is rated at (read once, written once)
 * @param stats    its timings
 * @param ratioMin the baseline's fastest time over this case's fastest (1 for a baseline; higher is better)
 * @param ratioMedian the same of the medians
 * @param target   the ratio issue 11 asks for, 0 for a baseline
 * @param check    empty when the result was right, else what was wrong
 */
record LayoutCase(String backend, String name, String baseline, double bytes, Stats stats, double ratioMin,
                  double ratioMedian, double target, String check) {
    /** GB/s at the median time. */
    double gbPerSecond() {
        return bytes / (stats.medianMs() * 1e6);
    }

    /** {@code ok}, {@code below} (the ratio of the fastest runs misses the target) or {@code -} for a baseline. */
    String verdict() {
        return target == 0 ? "-" : ratioMin >= target ? "ok" : "below";
    }
}
