package org.jgpuarray.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the device memory of arrays left to the garbage collector bounded. The collector sees only the
 * small Java objects of such arrays, not the device memory behind them, so on its own it may not run
 * for gigabytes of forgotten device memory. This counts the bytes of a context's live buffers; when they
 * have grown by more than a budget since their lowest point after the previous collection, the thread
 * that allocates drains the context's {@link ReleaseQueue} and, if that is not enough, hints one garbage
 * collection ({@link System#gc()}) and releases what it found unreachable
 * ({@link ReleaseQueue#releaseUnreachable()}): one collection and one pass, no waiting, no loop.
 *
 * <p>The budget starts at {@link #baseBudget(long)} (a sixteenth of the device's memory, between 16 and
 * 64 MiB) and doubles, up to a quarter of the device's memory, each time a collection got back less than
 * half of it (the program holds its memory: collecting more often would find nothing), and returns to its
 * start when one got back more. A program that forgets arrays thus holds at most about one budget of them;
 * one that keeps growing its arrays legitimately pays a logarithmic number of collections.
 *
 * <p>Thread-safe. Counting is one atomic addition per allocation and per free; only a thread past the
 * budget takes a lock, and threads that find another collecting go on without waiting.
 */
public final class MemoryPressure {
    private static final long MIN_BUDGET = 16L << 20;
    private static final long MAX_BASE_BUDGET = 64L << 20;
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private final AtomicLong live = new AtomicLong();
    private final ReentrantLock collecting = new ReentrantLock();
    private final boolean hints;
    private final long base;
    private final long ceiling;
    private volatile long budget;
    private volatile long floor;
    private long liveAtCollection = -1;
    private volatile long collections;

    /**
     * @param deviceBytes the device's memory
     * @param hints       whether to hint collections; false where buffers are Java arrays that the
     *                    collector sees itself (the CPU backend), so only the release queue is drained
     */
    public MemoryPressure(long deviceBytes, boolean hints) {
        this.hints = hints;
        this.base = baseBudget(deviceBytes);
        this.ceiling = Math.max(base, deviceBytes / 4);
        this.budget = base;
    }

    /** The budget a context starts with for a device of {@code deviceBytes}. */
    public static long baseBudget(long deviceBytes) {
        return Math.max(MIN_BUDGET, Math.min(MAX_BASE_BUDGET, deviceBytes / 16));
    }

    /** A buffer of {@code bytes} was allocated. */
    public void allocated(long bytes) {
        live.addAndGet(bytes);
    }

    /** A buffer of {@code bytes} was freed. */
    public void released(long bytes) {
        live.addAndGet(-bytes);
    }

    /** Bytes of the context's buffers that are not freed yet. */
    public long liveBytes() {
        return live.get();
    }

    /** Garbage collections hinted so far. */
    public long collections() {
        return collections;
    }

    /**
     * Called before an allocation, after the release queue was drained: when live memory has grown past
     * the budget, hints a collection and releases what it found unreachable.
     */
    public void beforeAllocation(ReleaseQueue releases) {
        long now = live.get();
        if (now < floor) {
            floor = now;
        }
        if (now - floor <= budget || !collecting.tryLock()) {
            return;
        }
        try {
            if (live.get() - floor > budget) { // else another thread collected meanwhile
                collect(releases);
            }
        } finally {
            collecting.unlock();
        }
    }

    /** After an allocation failed: collects unreachable arrays once; the caller retries once. */
    public void afterFailedAllocation(ReleaseQueue releases) {
        releases.drain();
        collecting.lock();
        try {
            gc(releases);
            floor = live.get();
        } finally {
            collecting.unlock();
        }
    }

    private void collect(ReleaseQueue releases) {
        long now = live.get();
        if (hints) {
            adaptBudget();
            gc(releases);
        } else {
            budget = Math.min(ceiling, 2 * budget); // the collector sees this memory: only widen the window
        }
        liveAtCollection = now;
        floor = live.get();
    }

    /**
     * Doubles the budget when the previous collection, with what was released since, got back less than
     * half of it; back to the start when it got back more.
     */
    private void adaptBudget() {
        if (liveAtCollection < 0) {
            return;
        }
        long recovered = liveAtCollection - floor;
        long b = budget;
        budget = recovered >= b / 2 ? base : Math.min(ceiling, 2 * b);
    }

    private void gc(ReleaseQueue releases) {
        collections++;
        long before = live.get();
        System.gc();
        int released = releases.releaseUnreachable();
        LOG.log(System.Logger.Level.DEBUG, () -> "hinted a garbage collection at " + (before >> 20)
                + " MiB of live device memory (budget " + (budget >> 20) + " MiB over " + (floor >> 20) + " MiB): "
                + released + " arrays, " + ((before - live.get()) >> 20) + " MiB released");
    }
}
