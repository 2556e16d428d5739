package org.jgpuarray.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A device buffer shared by the arrays that view it (an array and its reshapes). The last
 * {@link #release()} hands the buffer to its releaser.
 */
public final class SharedBuffer {
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
