package org.jgpuarray;

import java.util.Objects;
import org.jgpuarray.spi.BackendEvent;

/**
 * A point in a {@link GpuStream}, PyCUDA's {@code Event}: {@link GpuStream#record()} enqueues it, and it
 * completes when the work enqueued in that stream before it has finished. Wait for it on the host
 * ({@link #synchronize()}), make another stream wait for it ({@link GpuStream#waitEvent}), or time the work
 * between two events ({@link #elapsedMillis}). On the CPU backend an event is the time it was recorded, and
 * always done. Close events when done; every method of a closed event, or of an event whose context is closed,
 * throws {@link IllegalStateException}. Thread-safe.
 */
public final class GpuEvent implements AutoCloseable {
    private final GpuContext context;
    private final BackendEvent backend;
    private boolean closed;

    GpuEvent(GpuContext context, BackendEvent backend) {
        this.context = context;
        this.backend = backend;
    }

    /** Waits until the event has completed. */
    public void synchronize() {
        open().synchronize();
    }

    /** True when the event has completed; does not wait. */
    public boolean isDone() {
        return open().isDone();
    }

    /**
     * Milliseconds of device time from {@code start} to {@code end}, measured by the device where it has
     * timers (OpenCL's profiling counters, CUDA's events), else by the host clock when each was recorded;
     * waits for both events.
     *
     * @param start recorded first; not modified
     * @param end   recorded after {@code start} (in the same stream, or in one that waited for it); not modified
     * @throws IllegalArgumentException when the events belong to different contexts
     * @throws IllegalStateException    when either event is closed
     */
    public static double elapsedMillis(GpuEvent start, GpuEvent end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.context != end.context) {
            throw new IllegalArgumentException("the events belong to different contexts: " + start.context + " and "
                    + end.context);
        }
        return end.open().elapsedMillisSince(start.open());
    }

    /** The context this event belongs to. */
    public GpuContext context() {
        return context;
    }

    /** Releases the event. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (!context.isClosed()) {
            backend.close();
        }
    }

    @Override
    public String toString() {
        return "GpuEvent[" + context + (closed ? ", closed" : "") + "]";
    }

    BackendEvent backend() {
        return open();
    }

    private synchronized BackendEvent open() {
        context.ensureOpen();
        if (closed) {
            throw new IllegalStateException("the event is closed");
        }
        return backend;
    }
}
