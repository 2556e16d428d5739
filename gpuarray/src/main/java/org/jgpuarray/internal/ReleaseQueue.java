package org.jgpuarray.internal;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The holds of one context's arrays on their buffers, and the release of those whose arrays the garbage
 * collector found unreachable. Each hold is a phantom reference to its array, kept in a list until it is
 * released. The collector clears the reference of an unreachable array and later queues it; the thread
 * that allocates next in the context releases what is queued ({@link #drain()}), so no device call ever
 * runs on a collector or cleaner thread. Right after a collection, {@link #releaseUnreachable()} also
 * finds the cleared references directly, without waiting for them to be queued: that makes a hinted
 * collection's effect immediate and deterministic.
 *
 * <p>Thread-safe: any thread may register, close, drain and release at once; each hold is released once.
 */
public final class ReleaseQueue {
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Hold list = new Hold();

    /**
     * Registers the hold of {@code owner} on {@code shared}, taking over one reference to it.
     *
     * @param owner the array whose reachability ends the hold
     */
    Hold track(Object owner, SharedBuffer shared) {
        Hold hold = new Hold(owner, collected, shared, this);
        synchronized (list) {
            hold.next = list.next;
            hold.previous = list;
            list.next.previous = hold;
            list.next = hold;
        }
        return hold;
    }

    /**
     * A hold on an {@linkplain SharedBuffer#untracked untracked} buffer: released by {@link Hold#release()}
     * like any other, but in no queue's list and referring to no array, so the collector never processes it.
     */
    static Hold untracked(SharedBuffer shared) {
        return new Hold(shared);
    }

    /**
     * Releases, on the calling thread, the holds of arrays that the collector has found unreachable and
     * queued since the last drain. Cheap when there are none (one volatile read).
     *
     * @return how many were released
     */
    public int drain() {
        int released = 0;
        Reference<?> r;
        while ((r = collected.poll()) != null) {
            if (((Hold) r).release()) {
                released++;
            }
        }
        return released;
    }

    /**
     * Releases the holds of every array that the last garbage collection found unreachable, queued or not
     * (call it right after {@link System#gc()}): one pass over the context's live holds.
     *
     * @return how many were released
     */
    public int releaseUnreachable() {
        List<Hold> unreachable = new ArrayList<>();
        synchronized (list) {
            for (Hold h = list.next; h != list; h = h.next) {
                if (h.refersTo(null)) {
                    unreachable.add(h);
                }
            }
        }
        int released = drain();
        for (Hold h : unreachable) {
            if (h.release()) {
                released++;
            }
        }
        return released;
    }

    /** Forgets every hold without releasing it (the device is gone, and its memory with it). */
    public void clear() {
        synchronized (list) {
            Hold h = list.next;
            while (h != list) {
                Hold next = h.next;
                h.done.set(true);
                h.clear();
                h.next = null; // unlinked: a release racing with this one leaves the list alone
                h.previous = null;
                h = next;
            }
            list.next = list;
            list.previous = list;
        }
        while (collected.poll() != null) {
            // already forgotten
        }
    }

    private void unlink(Hold hold) {
        synchronized (list) {
            if (hold.next != null) {
                hold.previous.next = hold.next;
                hold.next.previous = hold.previous;
                hold.next = null;
                hold.previous = null;
            }
        }
    }

    /** One array's hold: a phantom reference to the array, in its context's list until released. */
    static final class Hold extends PhantomReference<Object> {
        private final SharedBuffer shared;
        private final ReleaseQueue owner;
        private final AtomicBoolean done = new AtomicBoolean();
        private Hold previous;
        private Hold next;

        /** The list's head, which holds nothing. */
        private Hold() {
            super(null, null);
            this.shared = null;
            this.owner = null;
            this.previous = this;
            this.next = this;
        }

        /** An untracked hold: no array, no queue, in no list. */
        private Hold(SharedBuffer shared) {
            super(null, null);
            this.shared = shared;
            this.owner = null;
        }

        private Hold(Object array, ReferenceQueue<Object> queue, SharedBuffer shared, ReleaseQueue owner) {
            super(array, queue);
            this.shared = shared;
            this.owner = owner;
        }

        SharedBuffer shared() {
            return shared;
        }

        boolean isReleased() {
            return done.get();
        }

        /**
         * Drops the hold's reference to the buffer, on the calling thread. Only the first call does anything.
         *
         * @return true when this call released it
         */
        boolean release() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            if (owner != null) {
                owner.unlink(this);
            }
            clear();
            shared.release();
            return true;
        }
    }
}
