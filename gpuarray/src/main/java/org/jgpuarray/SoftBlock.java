package org.jgpuarray;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A block of the CPU backend's memory kept by the {@link BlockPool}: a Java array held softly, so that the
 * garbage collector may take it back before the heap runs out (the user's own allocations come from the same
 * heap, and could not ask the pool to let go). Counted in the pool's kept bytes until it is taken or found
 * collected. Not thread-safe: the pool uses it under its lock.
 */
final class SoftBlock extends SoftReference<DeviceBuffer> {
    private final long bytes;
    private final int shelf;
    private boolean counted = true;

    private SoftBlock(DeviceBuffer buffer, int shelf, ReferenceQueue<DeviceBuffer> queue) {
        super(buffer, queue);
        this.bytes = buffer.byteSize();
        this.shelf = shelf;
    }

    /** The shelf it sits on. */
    int shelf() {
        return shelf;
    }

    /** Its bytes the first time it is called, 0 after: what to take off the pool's count of kept bytes. */
    long uncount() {
        long b = counted ? bytes : 0;
        counted = false;
        return b;
    }

    /** The soft blocks of one pool and the queue where the collector reports those it took. */
    static final class Shelves {
        private final ReferenceQueue<DeviceBuffer> queue = new ReferenceQueue<>();

        SoftBlock hold(DeviceBuffer buffer, int shelf) {
            return new SoftBlock(buffer, shelf, queue);
        }

        /** A block the collector took back, or null. */
        SoftBlock collected() {
            return (SoftBlock) queue.poll();
        }
    }
}
