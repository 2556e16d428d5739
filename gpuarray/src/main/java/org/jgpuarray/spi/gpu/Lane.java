package org.jgpuarray.spi.gpu;

import java.util.Objects;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.spi.BackendEvent;
import org.jgpuarray.spi.BackendStream;

/**
 * One queue of a {@link GpuDevice} as a {@link BackendStream}, with what must not be shared between queues
 * that run concurrently: its scratch memory (reduction partials, scan totals) and its bound on queued work.
 * The device's own lane wraps {@link GpuDriver#ownQueue()}, or no queue at all for a driver without queues
 * (then it stands for the device as a whole); the others wrap {@link GpuDriver#createQueue()}.
 *
 * <p>Every method runs under the device's lock, like the driver's, except the wait of {@link #synchronize()}.
 */
final class Lane implements BackendStream {
    private final GpuDevice device;
    private final GpuQueue queue; // null: the driver has no queue objects
    private final boolean own;
    private final Scratch scratch;
    private final QueueBound bound;
    private boolean closed;

    Lane(GpuDevice device, GpuDriver driver, GpuQueue queue, boolean own) {
        this.device = device;
        this.queue = queue;
        this.own = own;
        this.scratch = new Scratch(driver);
        this.bound = new QueueBound(driver);
    }

    GpuQueue queue() {
        return queue;
    }

    Scratch scratch() {
        return scratch;
    }

    QueueBound bound() {
        return bound;
    }

    GpuDevice device() {
        return device;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Waits for the work enqueued in this queue so far (the whole device where the driver has no queue
     * objects). A busy queue is waited for through a marker without the device's lock, so that other threads
     * keep using the device and its other streams meanwhile.
     */
    @Override
    public void synchronize() {
        Wait wait = device.run(() -> {
            ensureOpen();
            if (queue == null) {
                device.waitForDriver();
                return null;
            }
            if (queue.isDone()) {
                drain();
                return null;
            }
            return new Wait(device.beginUnlockedWait(queue.record()), bound.enqueuedEver());
        });
        if (wait != null) {
            device.awaitUnlocked(wait.marker(), () -> {
                try {
                    if (!closed && !device.isClosing() && bound.enqueuedEver() == wait.enqueued()) {
                        drain(); // nothing was enqueued meanwhile: the driver's wait returns at once
                    }
                } finally {
                    wait.marker().release();
                }
            });
        }
    }

    /** A wait for the queue through a marker; {@code enqueued}: the bound's count when it was recorded. */
    private record Wait(GpuMarker marker, long enqueued) {
    }

    /** The queue has run everything: lets the driver and the bound forget what they kept for it. */
    private void drain() {
        queue.synchronize();
        bound.drained();
    }

    @Override
    public boolean isDone() {
        return device.run(() -> {
            ensureOpen();
            return needQueue().isDone();
        });
    }

    @Override
    public BackendEvent record() {
        return device.run(() -> {
            ensureOpen();
            return device.track(new LaneEvent(device, needQueue().record()));
        });
    }

    @Override
    public void waitEvent(BackendEvent event) {
        Objects.requireNonNull(event, "event");
        if (!(event instanceof LaneEvent e) || e.device() != device) {
            throw new IllegalArgumentException("the event belongs to another device than this stream's");
        }
        device.run(() -> {
            ensureOpen();
            needQueue().waitFor(e.marker());
        });
    }

    /** Waits for the queue, frees its scratch memory and releases it; the device's own lane stays. */
    @Override
    public void close() {
        if (own) {
            return;
        }
        device.closeLane(this);
    }

    /** Releases what the lane holds; the device's lock is held and the queue has finished. */
    void release() {
        if (closed) {
            return;
        }
        closed = true;
        scratch.clear();
        if (!own && queue != null) {
            queue.release();
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the stream is closed");
        }
    }

    private GpuQueue needQueue() {
        if (queue == null) {
            throw new UnsupportedCapabilityException("streams and events",
                    "the " + device.info().backend() + " driver has no queue objects");
        }
        return queue;
    }
}
