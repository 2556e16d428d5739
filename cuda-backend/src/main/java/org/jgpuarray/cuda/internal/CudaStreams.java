package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.spi.gpu.GpuMarker;
import org.jgpuarray.spi.gpu.GpuQueue;

/**
 * The streams and events of one {@link CudaDriver}: its own queue (the legacy default stream), the streams it
 * created, the one selected for the next launch, copy and library call, the events recorded in them, and the
 * throttle point of each stream ({@link #throttle()}). Everything created is remembered, so that closing the
 * device destroys what the core did not release.
 *
 * <p>Streams are created blocking ({@code CU_STREAM_DEFAULT}, not {@code CU_STREAM_NON_BLOCKING}): they
 * synchronize with the legacy default stream, the device's own queue, in which the synchronous copies of Java
 * arrays ({@code cuMemcpyHtoD}/{@code cuMemcpyDtoH}, which cannot be asynchronous), {@code cuMemFree} and the
 * work of threads that selected no stream run. So a synchronous read is always ordered after every kernel
 * enqueued before it in any stream, and a buffer written synchronously is never overwritten under a kernel still
 * reading it in another stream, with no extra waits in the driver. Two created streams still run concurrently
 * (copies and kernels overlap); only work in the legacy default stream is a barrier between them, as in PyCUDA
 * and CuPy, whose streams are blocking by default.
 *
 * <p>Used under the device's lock, one thread at a time; {@link #selectedAddress()} may be read from any
 * thread.
 */
final class CudaStreams {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final CudaDriver owner;
    private final CudaContext context;
    private final CudaQueue own;
    private final Set<CudaQueue> created = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<CudaMarker> markers = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per stream: the event recorded at its last throttle point. */
    private final Map<CudaQueue, CUevent> throttlePoints = new IdentityHashMap<>();
    private volatile CudaQueue selected;

    CudaStreams(CudaDriver owner, CudaContext context) {
        this.owner = owner;
        this.context = context;
        this.own = new CudaQueue(this, null);
        this.selected = own;
    }

    CudaContext context() {
        return context;
    }

    /** The legacy default stream. */
    CudaQueue own() {
        return own;
    }

    /** The stream of the next launch, copy and library call (null: the legacy default stream). */
    CUstream selectedHandle() {
        return selected.handle();
    }

    /** The selected stream's {@code CUstream} as a number; 0 for the legacy default stream. */
    long selectedAddress() {
        return selected.address();
    }

    /** Streams created and not yet destroyed. */
    int liveStreams() {
        return created.size();
    }

    /** Events of {@link #record} not yet destroyed. */
    int liveEvents() {
        return markers.size();
    }

    /**
     * {@code cuStreamCreate(CU_STREAM_DEFAULT)}: a blocking stream (see the class comment).
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the device has no room for another stream
     */
    CudaQueue create() {
        CudaStreamHandle handle = new CudaStreamHandle();
        context.enter();
        try {
            int result = cuStreamCreate(handle, CUstream_flags.CU_STREAM_DEFAULT);
            if (result == CuResults.OUT_OF_MEMORY) {
                throw new OutOfDeviceMemoryException("cuStreamCreate", result, CuResults.name(result), 0,
                        "the device has no room for another stream", null);
            }
            context.check("cuStreamCreate", result);
        } finally {
            context.exit();
        }
        CudaQueue queue = new CudaQueue(this, handle);
        created.add(queue);
        return queue;
    }

    /**
     * Makes {@code queue} the stream of the following calls.
     *
     * @throws IllegalArgumentException for a queue of another device
     * @throws IllegalStateException    for a released one
     */
    void select(GpuQueue queue) {
        CudaQueue q = queue(queue);
        if (q.isReleased()) {
            throw new IllegalStateException("cannot select " + q + ": it was released");
        }
        selected = q;
    }

    /** The queue as one of this device's, or an exception saying whose it is. */
    private CudaQueue queue(GpuQueue queue) {
        if (queue == null) {
            throw new IllegalArgumentException("no queue given: pass the device's own queue or one it created");
        }
        if (!(queue instanceof CudaQueue q) || q.streams() != this) {
            throw new IllegalArgumentException("the queue " + queue + " does not belong to this CUDA device ("
                    + owner.info() + "): a stream of another device or context");
        }
        return q;
    }

    /**
     * The marker as one of this device's, live.
     *
     * @param role what the marker is in the call, for the message ({@code "start"}, {@code "waited for"})
     * @throws IllegalArgumentException for a marker of another device
     * @throws IllegalStateException    for a released one
     */
    CudaMarker marker(GpuMarker marker, String role) {
        if (!(marker instanceof CudaMarker m) || m.streams() != this) {
            throw new IllegalArgumentException("the " + role + " event does not belong to this CUDA device ("
                    + owner.info() + "): an event of another device or context");
        }
        if (m.isReleased()) {
            throw new IllegalStateException("the " + role + " event was released");
        }
        return m;
    }

    /** {@code cuEventCreate} with timing, then {@code cuEventRecord} in {@code queue}. */
    CudaMarker record(CudaQueue queue) {
        CUevent event;
        context.enter();
        try {
            event = recordEvent(CUevent_flags.CU_EVENT_DEFAULT, queue);
        } finally {
            context.exit();
        }
        CudaMarker marker = new CudaMarker(this, event);
        markers.add(marker);
        return marker;
    }

    /** {@code cuEventDestroy}, in the context even when it is broken; idempotent, never throws. */
    void destroy(CudaMarker marker) {
        if (marker.isReleased()) {
            return;
        }
        CUevent event = marker.event();
        marker.markReleased();
        markers.remove(marker);
        context.releasing(() -> cuEventDestroy(event));
    }

    /**
     * {@code cuStreamSynchronize}, then {@code cuStreamDestroy} even when the wait failed; idempotent. The
     * device's own queue is selected again if this one was.
     *
     * @throws org.jgpuarray.device.DeviceException when the stream's work failed (the stream is destroyed)
     */
    void release(CudaQueue queue) {
        if (queue.isReleased()) {
            return;
        }
        queue.markReleased();
        created.remove(queue);
        if (selected == queue) {
            selected = own;
        }
        CUevent point = throttlePoints.remove(queue);
        if (context.isBroken()) {
            destroyQuietly(queue, point);
            return;
        }
        context.enter();
        try {
            context.check("cuStreamSynchronize", cuStreamSynchronize(queue.handle()));
        } finally {
            try {
                if (point != null) {
                    cuEventDestroy(point);
                }
                int destroyed = cuStreamDestroy(queue.handle());
                if (destroyed != 0) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "cuStreamDestroy: " + CuResults.describe(destroyed));
                }
            } finally {
                context.exit();
            }
        }
    }

    /**
     * Waits for the event recorded at the selected stream's previous throttle point, then records the next in
     * that stream: each stream has its own window of queued work.
     */
    void throttle() {
        CudaQueue queue = selected;
        context.enter();
        try {
            CUevent previous = throttlePoints.remove(queue);
            if (previous != null) {
                try {
                    context.check("cuEventSynchronize", cuEventSynchronize(previous));
                } finally {
                    cuEventDestroy(previous);
                }
            }
            throttlePoints.put(queue, recordEvent(CUevent_flags.CU_EVENT_DISABLE_TIMING, queue));
        } finally {
            context.exit();
        }
    }

    /** Destroys every throttle point's event after the whole device was waited for; never throws. */
    void drained() {
        if (throttlePoints.isEmpty()) {
            return;
        }
        context.releasing(() -> {
            throttlePoints.values().forEach(e -> cuEventDestroy(e));
            throttlePoints.clear();
        });
    }

    /**
     * Destroys every event and every stream still alive, in the context even when it is broken, without waiting
     * (the device waits first where it can); the own queue is selected again. Never throws.
     */
    void destroyAll() {
        drained();
        for (CudaMarker marker : new ArrayList<>(markers)) {
            destroy(marker);
        }
        for (CudaQueue queue : new ArrayList<>(created)) {
            queue.markReleased();
            created.remove(queue);
            destroyQuietly(queue, null);
        }
        selected = own;
    }

    private void destroyQuietly(CudaQueue queue, CUevent point) {
        context.releasing(() -> {
            if (point != null) {
                cuEventDestroy(point);
            }
            cuStreamDestroy(queue.handle());
        });
    }

    /**
     * {@code cuEventCreate} with {@code flags}, then {@code cuEventRecord} in {@code queue}; the event is destroyed
     * again when the record fails. The caller has entered the context.
     */
    private CUevent recordEvent(int flags, CudaQueue queue) {
        CUevent event = new CUevent();
        context.check("cuEventCreate", cuEventCreate(event, flags));
        int recorded = cuEventRecord(event, queue.handle());
        if (recorded != 0) {
            cuEventDestroy(event);
            context.check("cuEventRecord", recorded);
        }
        return event;
    }
}
