package org.jgpuarray.spi;

/**
 * An ordered lane of work on one {@link BackendDevice}: a CUDA stream, an OpenCL command queue, or, on a
 * device that runs every call synchronously (the CPU backend), the calling thread itself. Work enqueued in one
 * stream runs in order; work in two streams may overlap unless one waits for an event of the other.
 *
 * <p>Created by {@link BackendDevice#newStream()}; made current for a thread with
 * {@link BackendDevice#select(BackendStream)}. The core closes each stream it created exactly once; closing
 * waits for the stream's work first. Calls after {@link #close()} throw {@link IllegalStateException}.
 */
public interface BackendStream extends AutoCloseable {
    /** Waits until all work enqueued in this stream has finished. */
    void synchronize();

    /**
     * True when all work enqueued in this stream so far has finished; does not wait.
     */
    boolean isDone();

    /**
     * Enqueues an event that completes when all work enqueued in this stream before it has finished.
     *
     * @return the event; the caller closes it
     */
    BackendEvent record();

    /**
     * Makes work enqueued in this stream from now on wait until {@code event} has completed, without blocking
     * the calling thread where the device allows it.
     *
     * @param event an event of the same device, possibly recorded in another stream; not modified
     */
    void waitEvent(BackendEvent event);

    /** Waits for the stream's work, then releases the stream. Idempotent. */
    @Override
    void close();
}
