package org.jgpuarray.spi.gpu;

import org.jgpuarray.spi.BackendEvent;

/**
 * A {@link GpuMarker} as a {@link BackendEvent}; its methods run under the device's lock, except the wait of
 * {@link #synchronize()}, which leaves the device to other threads. Closed while threads wait for it, it
 * releases the marker when the last of them is done.
 */
final class LaneEvent implements BackendEvent {
    private final GpuDevice device;
    private final GpuMarker marker;
    private boolean closed;
    /** Threads waiting for the marker; under the device's lock. */
    private int waiting;

    LaneEvent(GpuDevice device, GpuMarker marker) {
        this.device = device;
        this.marker = marker;
    }

    GpuDevice device() {
        return device;
    }

    /** The marker; the caller holds the device's lock. */
    GpuMarker marker() {
        ensureOpen();
        return marker;
    }

    @Override
    public void synchronize() {
        GpuMarker waited = device.run(() -> {
            GpuMarker m = marker();
            waiting++;
            return device.beginUnlockedWait(m);
        });
        device.awaitUnlocked(waited, () -> {
            if (--waiting == 0 && closed) {
                marker.release();
            }
        });
    }

    @Override
    public boolean isDone() {
        return device.run(() -> marker().isDone());
    }

    @Override
    public double elapsedMillisSince(BackendEvent start) {
        if (!(start instanceof LaneEvent from) || from.device != device) {
            throw new IllegalArgumentException("the start event belongs to another device");
        }
        from.synchronize(); // both waits without the device's lock; the driver then reads two finished markers
        synchronize();
        return device.run(() -> marker().elapsedMillisSince(from.marker()));
    }

    @Override
    public void close() {
        device.untrack(this);
    }

    /**
     * Releases the marker once, or leaves that to the last thread still waiting for it; the caller holds the
     * device's lock (or the device is closing, after the waits ended).
     */
    void release() {
        if (!closed) {
            closed = true;
            if (waiting == 0) {
                marker.release();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the event is closed");
        }
    }
}
