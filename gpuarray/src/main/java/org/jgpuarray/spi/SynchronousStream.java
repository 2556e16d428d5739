package org.jgpuarray.spi;

import java.util.Objects;

/**
 * The stream of a device that runs every call synchronously on the calling thread: its work has finished when
 * a call returns, so the stream is always done, waiting for an event does nothing, and an event is the time at
 * which it was recorded. {@link BackendDevice#newStream()} returns one by default.
 */
public final class SynchronousStream implements BackendStream {
    private final BackendDevice device;
    private volatile boolean closed;

    /**
     * @param device the device whose calls the stream orders
     */
    public SynchronousStream(BackendDevice device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public void synchronize() {
        ensureOpen();
        device.synchronize();
    }

    @Override
    public boolean isDone() {
        ensureOpen();
        return true;
    }

    @Override
    public BackendEvent record() {
        ensureOpen();
        return new Timestamp(System.nanoTime());
    }

    @Override
    public void waitEvent(BackendEvent event) {
        ensureOpen();
        Objects.requireNonNull(event, "event");
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the stream is closed");
        }
    }

    /** A completed event: the time it was recorded. */
    private static final class Timestamp implements BackendEvent {
        private final long nanos;
        private volatile boolean closed;

        Timestamp(long nanos) {
            this.nanos = nanos;
        }

        @Override
        public void synchronize() {
            ensureOpen();
        }

        @Override
        public boolean isDone() {
            ensureOpen();
            return true;
        }

        @Override
        public double elapsedMillisSince(BackendEvent start) {
            ensureOpen();
            if (!(start instanceof Timestamp from)) {
                throw new IllegalArgumentException("the start event belongs to another device");
            }
            from.ensureOpen();
            return (nanos - from.nanos) / 1e6;
        }

        @Override
        public void close() {
            closed = true;
        }

        private void ensureOpen() {
            if (closed) {
                throw new IllegalStateException("the event is closed");
            }
        }
    }
}
