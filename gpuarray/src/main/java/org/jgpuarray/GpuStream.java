package org.jgpuarray;

import java.util.Objects;
import org.jgpuarray.spi.BackendEvent;
import org.jgpuarray.spi.BackendStream;

/**
 * A stream of a {@link GpuContext}: an ordered lane of device work, PyCUDA's {@code Stream}, CuPy's
 * {@code cuda.Stream}. Work enqueued in one stream runs in order; work of two streams may overlap, unless one
 * waits for an {@link GpuEvent} of the other ({@link #waitEvent}). A CUDA stream on CUDA, a command queue of
 * its own on OpenCL; on the CPU backend every call finishes before it returns, so a stream is simply the
 * calling thread's order and every stream is always done.
 *
 * <p>Every operation of the context (arithmetic, reductions, kernel calls, copies, library calls) is enqueued
 * in the calling thread's current stream: the context's {@linkplain GpuContext#defaultStream() default stream}
 * until a {@link #use()} scope makes another current:
 * <pre>{@code
 * try (GpuStream s = ctx.newStream(); GpuStream.Scope on = s.use()) {
 *     GPUArray y = x.mul(2).add(1);  // enqueued in s
 *     float[] host = y.toFloatArray(); // waits for s's work only
 * }
 * }</pre>
 * A blocking read ({@code toFloatArray()}, {@code item()}) waits for the work of the current stream only:
 * read what another stream computes after that stream's {@link #synchronize()}, or after the current stream
 * {@linkplain #waitEvent waits} for an event recorded behind the work.
 *
 * <p>Memory: an array's memory belongs to the stream that was current when it was allocated. Its memory
 * pool hands a freed block to another stream only once the block's stream has passed the free (an event
 * recorded there is done, or the other stream is made to wait for it), so freeing an array that a stream
 * still reads is safe. Using an array in a stream other than its own is the program's business: order it
 * with events.
 *
 * <p>Closing: {@link #close()} waits for the stream's work and releases it; it throws
 * {@link IllegalStateException} while the stream is current in an open {@link #use()} scope on any thread
 * (close the scopes first), so that no thread's work can go to a released queue. Every method of a closed
 * stream, or of a stream whose context is closed, throws {@link IllegalStateException}; {@code close()} is
 * idempotent. The default stream belongs to its context: closing it only waits for its work. Thread-safe.
 */
public final class GpuStream implements AutoCloseable {
    private final GpuContext context;
    private final ContextStreams streams;
    private final BackendStream backend;
    private final int number;
    private int scopes; // open use() scopes on any thread; under this object's lock
    private boolean closed;

    GpuStream(GpuContext context, ContextStreams streams, BackendStream backend, int number) {
        this.context = context;
        this.streams = streams;
        this.backend = backend;
        this.number = number;
    }

    /**
     * A scope in which this stream is the calling thread's current stream of its context; closing it makes the
     * previous one current again. Close scopes on the thread that opened them, innermost first.
     */
    public interface Scope extends AutoCloseable {
        /**
         * Makes the stream that was current before this scope current again. Idempotent.
         *
         * @throws IllegalStateException on another thread than the one that opened the scope, or when a scope
         *                               opened later on this thread is still open
         */
        @Override
        void close();
    }

    /**
     * Makes this stream the calling thread's current stream of its context until the returned scope closes.
     * Scopes nest: {@code a.use()} inside {@code b.use()} makes {@code a} current, and closing it makes
     * {@code b} current again.
     *
     * @throws IllegalStateException when the stream or its context is closed
     */
    public Scope use() {
        synchronized (this) {
            ensureOpen();
            scopes++;
        }
        try {
            return streams.enter(this);
        } catch (RuntimeException e) {
            leftScope();
            throw e;
        }
    }

    /** Waits until all work enqueued in this stream so far has finished. */
    public void synchronize() {
        synchronized (this) {
            ensureOpen();
        }
        backend.synchronize();
    }

    /** True when all work enqueued in this stream so far has finished; does not wait. */
    public boolean isDone() {
        synchronized (this) {
            ensureOpen();
        }
        return backend.isDone();
    }

    /**
     * Enqueues an event that completes when the work enqueued in this stream before it has finished.
     *
     * @return the event; close it when done
     */
    public GpuEvent record() {
        synchronized (this) {
            ensureOpen();
            return new GpuEvent(context, backend.record());
        }
    }

    /**
     * Makes the work enqueued in this stream from now on wait until {@code event} has completed, without
     * blocking the calling thread where the device allows it (CUDA, OpenCL).
     *
     * @param event an event of this stream's context, possibly recorded in another stream; not modified
     * @throws IllegalArgumentException when the event belongs to another context
     * @throws IllegalStateException    when this stream or the event is closed
     */
    public void waitEvent(GpuEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.context() != context) {
            throw new IllegalArgumentException("the event belongs to another context (" + event.context()
                    + ") than this stream (" + context + ")");
        }
        synchronized (this) {
            ensureOpen();
            backend.waitEvent(event.backend());
        }
    }

    /** The context this stream belongs to. */
    public GpuContext context() {
        return context;
    }

    /** True for the context's default stream. */
    public boolean isDefault() {
        return number == 0;
    }

    /** True once this stream, or its context, is closed. */
    public synchronized boolean isClosed() {
        return closed || context.isClosed();
    }

    /**
     * Waits for the stream's work, then releases it; the memory its arrays were allocated from goes to the
     * default stream. Idempotent. The default stream is only waited for.
     *
     * @throws IllegalStateException while the stream is current in an open {@link #use()} scope on some thread
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed || context.isClosed()) {
                closed = true;
                return;
            }
            if (scopes > 0) {
                throw new IllegalStateException(this + " is the current stream of " + scopes + " open use() scope(s)"
                        + " on some thread; close those scopes before the stream");
            }
            if (isDefault()) {
                backend.synchronize();
                return;
            }
            closed = true;
            backend.close(); // waits for the stream's work
        }
        streams.closed(this);
    }

    @Override
    public String toString() {
        return (isDefault() ? "the default stream" : "stream #" + number) + " of " + context;
    }

    BackendStream backend() {
        return backend;
    }

    /**
     * An event for the memory pool recorded behind the stream's work, or null when the stream is closed (its
     * work finished when it closed).
     */
    synchronized BackendEvent recordForPool() {
        if (closed || context.isClosed()) {
            return null;
        }
        return backend.record();
    }

    /** One scope of this stream ended. */
    synchronized void leftScope() {
        scopes--;
    }

    private void ensureOpen() {
        context.ensureOpen();
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }
}
