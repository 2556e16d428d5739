package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.jgpuarray.spi.gpu.GpuMarker;
import org.jgpuarray.spi.gpu.GpuQueue;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;

/**
 * One in-order OpenCL command queue with {@code CL_QUEUE_PROFILING_ENABLE}: the device's own, or one more
 * for a stream. Events are marker commands ({@code clEnqueueMarkerWithWaitList}, flushed so that another
 * queue waiting for them cannot wait for commands never submitted); waiting for an event of another queue is
 * a barrier with that event in its wait list. Each queue keeps its own throttle point ({@link #throttle()}).
 * Called under the device's lock.
 */
final class ClStream implements GpuQueue {
    private final cl_command_queue queue;
    private final ClQueue owner;
    private final AtomicInteger liveMarkers;
    private cl_event throttleMarker;
    /** False while the queue is known to have run everything enqueued in it (after a wait or blocking copy). */
    private boolean busy;
    private boolean released;

    // clCreateCommandQueue is deprecated since OpenCL 2.0 but present in every version, 1.2 drivers included,
    // where clCreateCommandQueueWithProperties is not.
    @SuppressWarnings("deprecation")
    ClStream(cl_context context, ClDeviceHandle device, ClQueue owner, AtomicInteger liveMarkers) {
        int[] err = new int[1];
        this.queue = clCreateCommandQueue(context, device.device(), CL_QUEUE_PROFILING_ENABLE, err);
        Cl.check("clCreateCommandQueue", err[0], device.name());
        this.owner = owner;
        this.liveMarkers = liveMarkers;
    }

    cl_command_queue handle() {
        if (released) {
            throw new IllegalStateException("this OpenCL command queue was released");
        }
        return queue;
    }

    ClQueue owner() {
        return owner;
    }

    /** A command that may still run was enqueued. */
    void enqueued() {
        busy = true;
    }

    /** A blocking command returned: the in-order queue has run everything before it. */
    void drained() {
        busy = false;
    }

    /** {@code clFinish}. */
    @Override
    public void synchronize() {
        Cl.check("clFinish", clFinish(handle()));
        releaseThrottleMarker();
        busy = false;
    }

    /**
     * True when nothing ran since the queue was last drained, else whether a marker enqueued now has
     * completed already (a queue that just finished may still answer false once).
     */
    @Override
    public boolean isDone() {
        if (!busy) {
            return true;
        }
        ClMarker marker = record();
        try {
            busy = !marker.isDone();
            return !busy;
        } finally {
            marker.release();
        }
    }

    @Override
    public ClMarker record() {
        cl_event event = new cl_event();
        Cl.check("clEnqueueMarkerWithWaitList", clEnqueueMarkerWithWaitList(handle(), 0, null, event));
        ClMarker marker = new ClMarker(event, liveMarkers);
        Cl.check("clFlush", clFlush(queue));
        return marker;
    }

    /** A barrier that waits for the marker: the commands enqueued after it start once the marker completed. */
    @Override
    public void waitFor(GpuMarker marker) {
        if (!(marker instanceof ClMarker m)) {
            throw new IllegalArgumentException("not an OpenCL marker: " + marker);
        }
        Cl.check("clEnqueueBarrierWithWaitList",
                clEnqueueBarrierWithWaitList(handle(), 1, new cl_event[] {m.event()}, null));
        busy = true;
    }

    /**
     * Waits for the commands enqueued before the previous throttle point of this queue (its marker event),
     * then enqueues a marker for the next one; where the driver has no markers, waits for everything.
     */
    void throttle() {
        if (throttleMarker != null) {
            Cl.check("clWaitForEvents", clWaitForEvents(1, new cl_event[] {throttleMarker}));
            releaseThrottleMarker();
        }
        cl_event next = new cl_event();
        if (clEnqueueMarkerWithWaitList(handle(), 0, null, next) == CL_SUCCESS) {
            throttleMarker = next;
        } else {
            synchronize();
        }
    }

    /** Waits for the queue's commands, then releases it; a stream's queue, never the device's own. */
    @Override
    public void release() {
        if (released) {
            return;
        }
        try {
            clFinish(queue);
        } finally {
            releaseHandle();
            owner.forget(this);
        }
    }

    /** Releases the throttle marker and the queue, without waiting (the device is closing). */
    void releaseHandle() {
        if (!released) {
            released = true;
            releaseThrottleMarker();
            clReleaseCommandQueue(queue);
        }
    }

    private void releaseThrottleMarker() {
        if (throttleMarker != null) {
            clReleaseEvent(throttleMarker);
            throttleMarker = null;
        }
    }
}
