package org.jgpuarray.spi.gpu;

import org.jgpuarray.spi.BackendEvent;

/** A {@link GpuMarker} as a {@link BackendEvent}; its methods run under the device's lock. */
final class LaneEvent implements BackendEvent {
    private final GpuDevice device;
    private final GpuMarker marker;
    private boolean closed;

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
        device.run(() -> marker().synchronize());
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
        return device.run(() -> marker().elapsedMillisSince(from.marker()));
    }

    @Override
    public void close() {
        device.untrack(this);
    }

    /** Releases the marker once; the caller holds the device's lock (or the device is closing). */
    void release() {
        if (!closed) {
            closed = true;
            marker.release();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the event is closed");
        }
    }
}
