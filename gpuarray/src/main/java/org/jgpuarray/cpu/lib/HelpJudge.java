package org.jgpuarray.cpu.lib;

/**
 * Decides whether a {@link WorkerPool}'s jobs should involve its helpers, from how the last ones went. After
 * each job that did, the caller reports how many chunks it ran itself, how long they took and how long it then
 * waited for the helpers' chunks. The helpers paid when the chunks they ran, at the caller's own pace, would
 * have taken the caller longer than the wait plus {@link #OVERHEAD_NANOS}. On a machine whose cores are busy
 * with other programs a woken helper may start late, or be preempted holding a chunk the caller then waits
 * for; after {@link #LOSSES} jobs in a row that did not pay, jobs run on their callers alone for a while
 * ({@link #MIN_PAUSE_NANOS}, doubling while probes keep losing, up to {@link #MAX_PAUSE_NANOS}), then try the
 * helpers again. Either way the chunks are the same, so results do not depend on this.
 *
 * <p>Thread-safe; races between callers only blur the statistics.
 */
final class HelpJudge {
    /** What posting a job and waking a helper costs the caller, about. */
    static final long OVERHEAD_NANOS = 2_000;
    /** Jobs in a row that must lose before the helpers are left out. */
    static final int LOSSES = 4;
    /** The first pause. */
    static final long MIN_PAUSE_NANOS = 1_000_000;
    /** The longest pause. */
    static final long MAX_PAUSE_NANOS = 100_000_000;

    private volatile long pausedUntil = Long.MIN_VALUE;
    private volatile long pause = MIN_PAUSE_NANOS;
    private volatile int losses;
    private volatile boolean paused;

    /** True when jobs should involve helpers at {@code now} (a {@link System#nanoTime()} reading). */
    boolean helpersWanted(long now) {
        return !paused || now - pausedUntil >= 0;
    }

    /**
     * Records one job that involved the helpers.
     *
     * @param chunks  the job's chunks
     * @param own     how many of them the caller ran
     * @param working nanoseconds the caller spent claiming and running its chunks
     * @param waiting nanoseconds it then waited for the helpers' chunks
     * @param now     a {@link System#nanoTime()} reading at the end of the job
     */
    void record(int chunks, int own, long working, long waiting, long now) {
        if (paid(chunks, own, working, waiting)) {
            losses = 0;
            pause = MIN_PAUSE_NANOS;
            paused = false;
            return;
        }
        if (++losses >= LOSSES) {
            losses = 0;
            long p = pause;
            pausedUntil = now + p;
            paused = true;
            pause = Math.min(MAX_PAUSE_NANOS, 2 * p);
        }
    }

    /** Whether the helpers' chunks saved the caller more time than the job's hand-off and wait cost it. */
    static boolean paid(int chunks, int own, long working, long waiting) {
        int helped = chunks - own;
        if (own == 0) {
            return helped > 0; // the helpers ran everything before the caller claimed a chunk
        }
        double saved = (double) working / own * helped;
        return saved > waiting + OVERHEAD_NANOS;
    }
}
