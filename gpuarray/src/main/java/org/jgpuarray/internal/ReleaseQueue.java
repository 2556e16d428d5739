package org.jgpuarray.internal;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Releases handed over by the cleaner thread, run later on the context's own thread
 * ({@link #drain()} before allocations and at close).
 */
public final class ReleaseQueue {
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();

    /** Queues a release; safe from any thread. */
    public void defer(Runnable release) {
        pending.add(release);
    }

    /** Runs the queued releases on the calling thread. */
    public void drain() {
        Runnable r;
        while ((r = pending.poll()) != null) {
            r.run();
        }
    }

    /** Forgets the queued releases (the device is gone, and its memory with it). */
    public void clear() {
        pending.clear();
    }
}
