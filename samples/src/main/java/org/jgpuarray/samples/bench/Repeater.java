package org.jgpuarray.samples.bench;

/**
 * Runs one case's repetitions: warm-up runs (at least {@code warmupRuns}, and more until
 * {@code warmupMillis} have passed, so that the JIT has compiled the Java code of the CPU paths), then
 * {@code repeat} timed runs. Not thread-safe.
 */
final class Repeater {
    /** Bounds the time-based warm-up of very fast cases. */
    private static final int MAX_WARMUP_RUNS = 10_000;

    /** One run; returns its timings in nanoseconds (one value per timed quantity). */
    @FunctionalInterface
    interface Run {
        long[] once();
    }

    private final int warmupRuns;
    private final long warmupNanos;
    private final int repeat;

    Repeater(int warmupRuns, long warmupMillis, int repeat) {
        this.warmupRuns = warmupRuns;
        this.warmupNanos = warmupMillis * 1_000_000L;
        this.repeat = repeat;
    }

    /**
     * Warms up, then times.
     *
     * @return {@code timings[q][r]}: quantity q of timed run r
     */
    long[][] run(Run run) {
        long start = System.nanoTime();
        for (int k = 0; k < warmupRuns || (k < MAX_WARMUP_RUNS && System.nanoTime() - start < warmupNanos); k++) {
            run.once();
        }
        long[][] timings = null;
        for (int r = 0; r < repeat; r++) {
            long[] t = run.once();
            if (timings == null) {
                timings = new long[t.length][repeat];
            }
            for (int q = 0; q < t.length; q++) {
                timings[q][r] = t[q];
            }
        }
        return timings;
    }
}
