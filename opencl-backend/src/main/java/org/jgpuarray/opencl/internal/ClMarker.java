package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.jgpuarray.spi.gpu.GpuMarker;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;

/**
 * The event of a marker command. Its time is the marker's {@code CL_PROFILING_COMMAND_END}: the moment the
 * commands enqueued before it had all finished (PoCL reports it for markers; a driver that does not makes
 * {@link #elapsedMillisSince} fail with the driver's error). Called under the device's lock.
 */
final class ClMarker implements GpuMarker {
    private final cl_event event;
    private final AtomicInteger live;
    private boolean released;

    ClMarker(cl_event event, AtomicInteger live) {
        this.event = event;
        this.live = live;
        live.incrementAndGet();
    }

    cl_event event() {
        if (released) {
            throw new IllegalStateException("this OpenCL event was released");
        }
        return event;
    }

    @Override
    public void synchronize() {
        Cl.check("clWaitForEvents", clWaitForEvents(1, new cl_event[] {event()}));
    }

    @Override
    public boolean isDone() {
        int[] status = new int[1];
        Cl.check("clGetEventInfo", clGetEventInfo(event(), CL_EVENT_COMMAND_EXECUTION_STATUS, Sizeof.cl_int,
                Pointer.to(status), null));
        if (status[0] < 0) {
            throw Cl.failure("a command before the event", status[0], "the event reports an error status", -1);
        }
        return status[0] == CL_COMPLETE;
    }

    @Override
    public double elapsedMillisSince(GpuMarker start) {
        if (!(start instanceof ClMarker from)) {
            throw new IllegalArgumentException("not an OpenCL marker: " + start);
        }
        from.synchronize();
        synchronize();
        return (end() - from.end()) / 1e6;
    }

    private long end() {
        long[] nanos = new long[1];
        Cl.check("clGetEventProfilingInfo", clGetEventProfilingInfo(event(), CL_PROFILING_COMMAND_END,
                Sizeof.cl_ulong, Pointer.to(nanos), null));
        return nanos[0];
    }

    @Override
    public void release() {
        if (!released) {
            released = true;
            clReleaseEvent(event);
            live.decrementAndGet();
        }
    }
}
