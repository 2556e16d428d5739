package org.jgpuarray.internal;

/**
 * One array's hold on a {@link SharedBuffer}. Closing it releases the hold at once; an array that is
 * garbage-collected unclosed is released by its context's {@link ReleaseQueue} at a later allocation, on
 * the allocating thread, so that no collector or cleaner thread ever calls a device API or waits for a
 * device lock. Thread-safe: an array may be closed on any thread, once or many times.
 *
 * <p>Code that passes an array's buffer to a device must keep the array reachable until the call
 * returns ({@link java.lang.ref.Reference#reachabilityFence}); otherwise the collector may find the
 * array unreachable during the call and another thread's allocation free the buffer under it.
 */
public final class ArrayMemory {
    private final ReleaseQueue.Hold hold;

    /**
     * @param shared   the buffer, whose reference this hold takes over
     * @param releases the context's holds, which release this one once {@code owner} is unreachable (an
     *                 {@linkplain SharedBuffer#untracked untracked} buffer's hold is not among them)
     * @param owner    the object whose reachability ends the hold
     */
    public ArrayMemory(SharedBuffer shared, ReleaseQueue releases, Object owner) {
        this.hold = shared.tracked() ? releases.track(owner, shared) : ReleaseQueue.untracked(shared);
    }

    /** The buffer; callers check {@link #isClosed()} first. */
    public SharedBuffer shared() {
        return hold.shared();
    }

    /** True once closed. */
    public boolean isClosed() {
        return hold.isReleased();
    }

    /** Releases the hold now, on the calling thread. Idempotent. */
    public void close() {
        hold.release();
    }
}
