package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.jgpuarray.device.DeviceTimer;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The in-order command queue of a device, created with {@code CL_QUEUE_PROFILING_ENABLE}. Every command
 * goes through here so that a running {@link DeviceTimer} sees its profiling event.
 */
public final class ClQueue {
    private final cl_command_queue queue;
    private final ProfilingLog profiling = new ProfilingLog();
    private cl_event marker;

    // clCreateCommandQueue is deprecated since OpenCL 2.0 but present in every version, 1.2 drivers included,
    // where clCreateCommandQueueWithProperties is not.
    @SuppressWarnings("deprecation")
    ClQueue(cl_context context, ClDeviceHandle device) {
        int[] err = new int[1];
        this.queue = clCreateCommandQueue(context, device.device(), CL_QUEUE_PROFILING_ENABLE, err);
        Cl.check("clCreateCommandQueue", err[0], device.name());
    }

    /** Enqueues a kernel over {@code global} work-items in groups of {@code local} (null: the driver picks). */
    void run(cl_kernel kernel, String name, long[] global, long[] local) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, event);
        profiling.record(event, code);
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueNDRangeKernel", code, "kernel '" + name + "', global " + Arrays.toString(global)
                    + ", local " + (local == null ? "auto" : Arrays.toString(local)), -1);
        }
    }

    /** A blocking write of {@code bytes} from host memory. */
    void write(cl_mem dst, long offset, long bytes, Pointer host) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueWriteBuffer(queue, dst, CL_TRUE, offset, bytes, host, 0, null, event);
        profiling.record(event, code);
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueWriteBuffer", code, bytes + " bytes at offset " + offset, -1);
        }
    }

    /** A blocking read of {@code bytes} into host memory; waits for the work enqueued before it. */
    void read(cl_mem src, long offset, long bytes, Pointer host) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueReadBuffer(queue, src, CL_TRUE, offset, bytes, host, 0, null, event);
        profiling.record(event, code);
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueReadBuffer", code, bytes + " bytes at offset " + offset, -1);
        }
    }

    /**
     * A non-blocking write of {@code bytes} from native host memory ({@code CL_FALSE}): the caller keeps
     * that memory unchanged and alive until the queue has passed the command. Never for a Java array, which
     * the garbage collector may move.
     */
    void writeAsync(cl_mem dst, long offset, long bytes, Pointer nativeHost) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueWriteBuffer(queue, dst, CL_FALSE, offset, bytes, nativeHost, 0, null, event);
        profiling.record(event, code);
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueWriteBuffer", code, bytes + " bytes at offset " + offset + ", non-blocking", -1);
        }
    }

    /**
     * A non-blocking read of {@code bytes} into native host memory ({@code CL_FALSE}): the values are there
     * once the queue has passed the command. Never for a Java array.
     */
    void readAsync(cl_mem src, long offset, long bytes, Pointer nativeHost) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueReadBuffer(queue, src, CL_FALSE, offset, bytes, nativeHost, 0, null, event);
        profiling.record(event, code);
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueReadBuffer", code, bytes + " bytes at offset " + offset + ", non-blocking", -1);
        }
    }

    /**
     * Maps {@code bytes} of a buffer for reading and writing and waits for the mapping
     * ({@code clEnqueueMapBuffer}, blocking).
     *
     * @return the mapped memory, in native byte order
     */
    ByteBuffer map(cl_mem mem, long bytes) {
        int[] err = new int[1];
        ByteBuffer mapped = clEnqueueMapBuffer(queue, mem, true, CL_MAP_READ | CL_MAP_WRITE, 0, bytes, 0,
                null, null, err);
        if (err[0] != CL_SUCCESS || mapped == null) {
            throw Cl.failure("clEnqueueMapBuffer", err[0], bytes + " bytes", bytes);
        }
        return mapped.order(ByteOrder.nativeOrder());
    }

    /** Enqueues the unmapping of memory {@link #map} returned ({@code clEnqueueUnmapMemObject}). */
    void unmap(cl_mem mem, ByteBuffer mapped) {
        Cl.check("clEnqueueUnmapMemObject", clEnqueueUnmapMemObject(queue, mem, mapped, 0, null, null));
    }

    /** An asynchronous device-to-device copy (regions must not overlap within one buffer). */
    void copy(cl_mem src, long srcOffset, cl_mem dst, long dstOffset, long bytes) {
        cl_event event = profiling.nextEvent();
        int code = clEnqueueCopyBuffer(queue, src, dst, srcOffset, dstOffset, bytes, 0, null, event);
        profiling.record(event, code);
        if (code != CL_SUCCESS) {
            throw Cl.failure("clEnqueueCopyBuffer", code, bytes + " bytes", -1);
        }
    }

    /** Waits for every enqueued command ({@code clFinish}). */
    public void finish() {
        Cl.check("clFinish", clFinish(queue));
        releaseMarker();
    }

    /**
     * Waits for the commands enqueued before the previous throttle point (its marker event), then enqueues
     * a marker for the next one ({@code clEnqueueMarkerWithWaitList}); where the driver has no markers,
     * waits for everything.
     */
    void throttle() {
        if (marker != null) {
            Cl.check("clWaitForEvents", clWaitForEvents(1, new cl_event[] {marker}));
            releaseMarker();
        }
        cl_event next = new cl_event();
        if (clEnqueueMarkerWithWaitList(queue, 0, null, next) == CL_SUCCESS) {
            marker = next;
        } else {
            finish();
        }
    }

    private void releaseMarker() {
        if (marker != null) {
            clReleaseEvent(marker);
            marker = null;
        }
    }

    /** Starts a timer over the commands enqueued from now on. */
    public DeviceTimer startTimer() {
        finish();
        return profiling.start(this::finish);
    }

    cl_command_queue handle() {
        return queue;
    }

    /** Releases the queue and any profiling events still held; the queue is unusable afterwards. */
    void release() {
        releaseMarker();
        profiling.releaseAll();
        clReleaseCommandQueue(queue);
    }
}
