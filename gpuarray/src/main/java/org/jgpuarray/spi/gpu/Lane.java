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
 * <p>Every method runs under the device's lock, like the driver's.
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

    /** Waits for this queue only (the whole device where the driver has no queue objects). */
    @Override
    public void synchronize() {
        device.run(() -> {
            ensureOpen();
            if (queue == null) {
                device.waitForDriver();
            } else {
                queue.synchronize();
                bound.drained();
            }
        });
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
