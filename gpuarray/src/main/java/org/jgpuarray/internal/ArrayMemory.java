package org.jgpuarray.internal;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One array's hold on a {@link SharedBuffer}. Closing it releases the hold at once; an array that
 * is garbage-collected unclosed releases it through a {@link Cleaner}, deferred to the context's
 * thread (see {@link ReleaseQueue}), since device APIs may not be called from the cleaner's thread.
 */
public final class ArrayMemory {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Hold hold;
    private final Cleaner.Cleanable cleanable;

    /**
     * @param shared   the buffer, whose reference this hold takes over
     * @param deferred where the cleaner hands a forgotten hold's release
     * @param owner    the object whose reachability ends the hold
     */
    public ArrayMemory(SharedBuffer shared, ReleaseQueue deferred, Object owner) {
        this.hold = new Hold(shared, deferred);
        this.cleanable = CLEANER.register(owner, hold);
    }

    /** The buffer; callers check {@link #isClosed()} first. */
    public SharedBuffer shared() {
        return hold.shared;
    }

    /** True once closed. */
    public boolean isClosed() {
        return hold.done.get();
    }

    /** Releases the hold now, on the calling thread. Idempotent. */
    public void close() {
        hold.explicit = true;
        cleanable.clean();
    }

    private static final class Hold implements Runnable {
        private final SharedBuffer shared;
        private final ReleaseQueue deferred;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile boolean explicit;

        Hold(SharedBuffer shared, ReleaseQueue deferred) {
            this.shared = shared;
            this.deferred = deferred;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                if (explicit) {
                    shared.release();
                } else {
                    deferred.defer(shared::release);
                }
            }
        }
    }
}
