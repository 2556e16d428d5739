package org.jgpuarray.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A device buffer shared by the arrays that view it (an array and its reshapes). The last
 * {@link #release()} hands the buffer to its releaser. An {@linkplain #untracked untracked} buffer has
 * nothing to release: a small Java array of the CPU backend, which the collector takes with its arrays.
 */
public final class SharedBuffer {
    private static final Consumer<DeviceBuffer> NOTHING = b -> { };

    private final DeviceBuffer buffer;
    private final Consumer<DeviceBuffer> releaser;
    private final AtomicInteger references = new AtomicInteger(1);

    /**
     * @param buffer   the buffer, with one reference held by the creator
     * @param releaser frees the buffer once nothing refers to it
     */
    public SharedBuffer(DeviceBuffer buffer, Consumer<DeviceBuffer> releaser) {
        this.buffer = buffer;
        this.releaser = releaser;
    }

    /**
     * A buffer whose arrays need no release: memory the garbage collector frees with them, outside the
     * memory pool and its counts. Its arrays are not tracked by their context's {@link ReleaseQueue}, so an
     * array left to the collector costs it no reference to process and no object to keep alive.
     *
     * @param buffer the buffer, on the Java heap
     */
    public static SharedBuffer untracked(DeviceBuffer buffer) {
        return new SharedBuffer(buffer, NOTHING);
    }

    /** False for an {@linkplain #untracked untracked} buffer. */
    public boolean tracked() {
        return releaser != NOTHING;
    }

    /** The buffer. */
    public DeviceBuffer buffer() {
        return buffer;
    }

    /** Adds a reference; returns this. */
    public SharedBuffer retain() {
        references.incrementAndGet();
        return this;
    }

    /** Drops a reference; the last one frees the buffer. */
    public void release() {
        if (references.decrementAndGet() == 0) {
            releaser.accept(buffer);
        }
    }
}
