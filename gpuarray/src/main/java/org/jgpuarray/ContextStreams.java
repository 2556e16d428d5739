package org.jgpuarray;

import java.util.concurrent.atomic.AtomicInteger;
import org.jgpuarray.spi.BackendDevice;

/**
 * The streams of one context and each thread's current one: a thread-local stack of {@link GpuStream.Scope}s
 * (the innermost open scope's stream is current; none open: the default stream). Opening and closing a scope
 * selects the stream in the device ({@link BackendDevice#select}), which enqueues every later call of the
 * thread there, so operations themselves never look a stream up.
 *
 * <p>The memory pool asks for the current stream only once streams are in use on an asynchronous device
 * ({@link #poolStream()}); until then an allocation pays for one volatile read.
 */
final class ContextStreams {
    private final BackendDevice device;
    private final GpuStream defaultStream;
    private final boolean synchronous;
    private final ThreadLocal<Frame> innermost = new ThreadLocal<>();
    private final AtomicInteger created = new AtomicInteger();
    private final BlockPool pool;
    private volatile boolean inUse;

    /**
     * @param synchronous true when the device finishes every call before it returns (the CPU backend): its
     *                    memory never needs a stream's events
     */
    ContextStreams(GpuContext context, BackendDevice device, BlockPool pool, boolean synchronous) {
        this.device = device;
        this.pool = pool;
        this.synchronous = synchronous;
        this.defaultStream = new GpuStream(context, this, device.defaultStream(), 0);
    }

    GpuStream defaultStream() {
        return defaultStream;
    }

    GpuStream newStream(GpuContext context) {
        GpuStream stream = new GpuStream(context, this, device.newStream(), created.incrementAndGet());
        inUse = true;
        return stream;
    }

    /** The calling thread's current stream. */
    GpuStream current() {
        Frame top = innermost.get();
        return top == null ? defaultStream : top.stream;
    }

    /**
     * The stream the memory pool tags an allocation with: null while no stream was created, or on a
     * synchronous device (every block is free for anyone as soon as it is freed).
     */
    GpuStream poolStream() {
        return inUse && !synchronous ? current() : null;
    }

    /** Makes {@code stream} current on the calling thread. */
    GpuStream.Scope enter(GpuStream stream) {
        Frame previous = innermost.get();
        device.select(stream.isDefault() ? null : stream.backend());
        Frame frame = new Frame(stream, previous, Thread.currentThread());
        innermost.set(frame);
        return frame;
    }

    /** A stream closed: the pool's blocks of it go to the default stream. */
    void closed(GpuStream stream) {
        pool.streamClosed(stream);
    }

    /** One open scope: its stream, the scope it nests in, the thread that opened it. */
    private final class Frame implements GpuStream.Scope {
        private final GpuStream stream;
        private final Frame previous;
        private final Thread owner;
        private boolean closed;

        Frame(GpuStream stream, Frame previous, Thread owner) {
            this.stream = stream;
            this.previous = previous;
            this.owner = owner;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a use() scope of " + stream + " must be closed on the thread that"
                        + " opened it ('" + owner.getName() + "'), not on '" + Thread.currentThread().getName() + "'");
            }
            Frame top = innermost.get();
            if (top != this) {
                throw new IllegalStateException("use() scopes must be closed innermost first: the scope of " + stream
                        + " was closed while a later scope of " + (top == null ? "no stream" : top.stream)
                        + " is still open on this thread");
            }
            closed = true;
            if (previous == null) {
                innermost.remove();
            } else {
                innermost.set(previous);
            }
            try {
                if (!stream.context().isClosed()) {
                    GpuStream back = previous == null ? defaultStream : previous.stream;
                    device.select(back.isDefault() ? null : back.backend());
                }
            } finally {
                stream.leftScope();
            }
        }
    }
}
