package org.jgpuarray.spi;

/**
 * A point in a {@link BackendStream}: it completes when the work enqueued before it has finished. A CUDA
 * event, an OpenCL marker event, or a timestamp on a synchronous device. The core closes each event exactly
 * once; calls after {@link #close()} throw {@link IllegalStateException}.
 */
public interface BackendEvent extends AutoCloseable {
    /** Waits until the event has completed. */
    void synchronize();

    /** True when the event has completed; does not wait. */
    boolean isDone();

    /**
     * Milliseconds of device time from {@code start} to this event, both completed (the method waits for
     * them). Non-negative when {@code start} was recorded first in the same stream.
     *
     * @param start an event of the same device recorded before this one
     */
    double elapsedMillisSince(BackendEvent start);

    /** Releases the event. Idempotent. */
    @Override
    void close();
}
