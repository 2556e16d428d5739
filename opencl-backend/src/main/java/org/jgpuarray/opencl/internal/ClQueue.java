package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.spi.gpu.GpuQueue;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The command queues of a device, each in order with {@code CL_QUEUE_PROFILING_ENABLE} ({@link ClStream}):
 * the device's own and one per stream. Commands go to the selected queue ({@link #select}); every command
 * goes through here so that a running {@link DeviceTimer} sees its profiling event.
 */
public final class ClQueue {
    private final cl_context context;
    private final ClDeviceHandle device;
    private final AtomicInteger liveMarkers = new AtomicInteger();
    private final ClStream own;
    private final List<ClStream> streams = new ArrayList<>();
    private final ProfilingLog profiling = new ProfilingLog();
    private ClStream selected;
    /** The selected queue's handle. */
    private cl_command_queue queue;

    ClQueue(cl_context context, ClDeviceHandle device) {
        this.context = context;
        this.device = device;
        this.own = new ClStream(context, device, this, liveMarkers);
        this.selected = own;
        this.queue = own.handle();
    }

    /** The device's own queue. */
    ClStream own() {
        return own;
    }

    /** One more queue, for a stream. */
    ClStream create() {
        ClStream stream = new ClStream(context, device, this, liveMarkers);
        streams.add(stream);
        return stream;
    }

    /**
     * Makes {@code q} the queue later commands go to.
     *
     * @throws IllegalArgumentException for a queue of another device
     */
    void select(GpuQueue q) {
        if (!(q instanceof ClStream s) || s.owner() != this) {
            throw new IllegalArgumentException("the queue " + q + " belongs to another OpenCL device than '"
                    + device.name() + "'");
        }
        queue = s.handle();
        selected = s;
    }

    /** A stream's queue was released: forgotten, and the own queue selected if it was selected. */
    void forget(ClStream s) {
        streams.remove(s);
        if (selected == s) {
            selected = own;
            queue = own.handle();
        }
    }

    /** Streams' queues not yet released. */
    int liveQueues() {
        return streams.size();
    }

    /** Marker events not yet released. */
    int liveMarkers() {
        return liveMarkers.get();
    }

    /** Enqueues a kernel over {@code global} work-items in groups of {@code local} (null: the driver picks). */
    void run(cl_kernel kernel, String name, long[] global, long[] local) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, event);
        profiling.record(event, code);
        selected.enqueued();
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueNDRangeKernel", code, "kernel '" + name + "', global " + Arrays.toString(global)
                    + ", local " + (local == null ? "auto" : Arrays.toString(local)), -1);
        }
    }

    /**
     * A write of {@code bytes} from host memory: blocking, or non-blocking ({@code CL_FALSE}) from native host
     * memory, which the caller keeps unchanged and alive until the queue has passed the command. Never
     * non-blocking for a Java array, which the garbage collector may move.
     */
    void write(cl_mem dst, long offset, long bytes, Pointer host, boolean blocking) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueWriteBuffer(queue, dst, blocking ? CL_TRUE : CL_FALSE, offset, bytes, host, 0, null,
                event);
        transferred(event, code, "clEnqueueWriteBuffer", bytes, offset, blocking);
    }

    /**
     * A read of {@code bytes} into host memory: blocking (it waits for the work enqueued before it), or
     * non-blocking into native host memory, whose values are there once the queue has passed the command.
     */
    void read(cl_mem src, long offset, long bytes, Pointer host, boolean blocking) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueReadBuffer(queue, src, blocking ? CL_TRUE : CL_FALSE, offset, bytes, host, 0, null,
                event);
        transferred(event, code, "clEnqueueReadBuffer", bytes, offset, blocking);
    }

    /**
     * Records a transfer's event and what it means for the selected queue's bound: a blocking transfer has
     * drained the queue (counted only when it succeeded), a non-blocking one is one more command.
     */
    private void transferred(cl_event event, int code, String call, long bytes, long offset, boolean blocking) {
        profiling.record(event, code);
        if (!blocking) {
            selected.enqueued();
        }
        if (code != CL_SUCCESS) {
            throw Cl.failure(call, code, bytes + " bytes at offset " + offset + (blocking ? "" : ", non-blocking"), -1);
        }
        if (blocking) {
            selected.drained();
        }
    }

    /**
     * Maps {@code bytes} of a buffer for reading and writing and waits for the mapping
     * ({@code clEnqueueMapBuffer}, blocking), in the device's own queue, so no stream's work is waited for.
     *
     * @return the mapped memory, in native byte order
     */
    ByteBuffer map(cl_mem mem, long bytes) {
        int[] err = new int[1];
        ByteBuffer mapped = clEnqueueMapBuffer(own.handle(), mem, true, CL_MAP_READ | CL_MAP_WRITE, 0, bytes, 0,
                null, null, err);
        if (err[0] != CL_SUCCESS || mapped == null) {
            throw Cl.failure("clEnqueueMapBuffer", err[0], bytes + " bytes", bytes);
        }
        return mapped.order(ByteOrder.nativeOrder());
    }

    /**
     * Enqueues the unmapping of memory {@link #map} returned ({@code clEnqueueUnmapMemObject}) in the device's
     * own queue; the caller has waited for every queue's copies from or into it.
     */
    void unmap(cl_mem mem, ByteBuffer mapped) {
        Cl.check("clEnqueueUnmapMemObject", clEnqueueUnmapMemObject(own.handle(), mem, mapped, 0, null, null));
    }

    /** An asynchronous device-to-device copy (regions must not overlap within one buffer). */
    void copy(cl_mem src, long srcOffset, cl_mem dst, long dstOffset, long bytes) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueCopyBuffer(queue, src, dst, srcOffset, dstOffset, bytes, 0, null, event);
        profiling.record(event, code);
        selected.enqueued();
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueCopyBuffer", code, bytes + " bytes", -1);
        }
    }

    /** Waits for every enqueued command of every queue ({@code clFinish}). */
    public void finish() {
        own.synchronize();
        for (ClStream s : streams) {
            s.synchronize();
        }
    }

    /** Throttles the selected queue ({@link ClStream#throttle()}). */
    void throttle() {
        selected.throttle();
    }

    /** Starts a timer over the commands enqueued from now on. */
    public DeviceTimer startTimer() {
        finish();
        return profiling.start(this::finish);
    }

    /** Releases every queue and any profiling events still held; the queues are unusable afterwards. */
    void release() {
        for (ClStream s : new ArrayList<>(streams)) {
            s.release();
        }
        profiling.releaseAll();
        own.releaseHandle();
    }
}
