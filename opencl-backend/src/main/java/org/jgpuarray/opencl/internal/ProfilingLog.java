package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.device.DeviceTimer;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;

/**
 * The profiling events of the commands enqueued while at least one timer runs (none otherwise, so
 * untimed work costs nothing). A timer's time is the sum over its commands of
 * {@code CL_PROFILING_COMMAND_END - CL_PROFILING_COMMAND_START}: the time the device spent executing
 * them, as PyOpenCL's {@code event.profile.end - event.profile.start}, without host launch gaps.
 */
final class ProfilingLog {
    private final List<cl_event> events = new ArrayList<>();
    private int runningTimers;

    /** A fresh event to attach to the next command, or null when no timer runs. */
    cl_event nextEvent() {
        return runningTimers > 0 ? new cl_event() : null;
    }

    /** Keeps the event of a command that was enqueued ({@code code == CL_SUCCESS}). */
    void record(cl_event event, int code) {
        if (event != null && code == CL_SUCCESS) {
            events.add(event);
        }
    }

    DeviceTimer start(Runnable finish) {
        runningTimers++;
        int first = events.size();
        return new DeviceTimer() {
            private long nanos = -1;

            @Override
            public long stopNanos() {
                if (nanos < 0) {
                    finish.run();
                    nanos = sum(first, events.size());
                    runningTimers--;
                    if (runningTimers == 0) {
                        releaseAll();
                    }
                }
                return nanos;
            }
        };
    }

    private long sum(int from, int to) {
        long total = 0;
        long[] start = new long[1];
        long[] end = new long[1];
        for (int k = from; k < to; k++) {
            cl_event e = events.get(k);
            Cl.check("clGetEventProfilingInfo", clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_START,
                    Sizeof.cl_ulong, Pointer.to(start), null));
            Cl.check("clGetEventProfilingInfo", clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_END,
                    Sizeof.cl_ulong, Pointer.to(end), null));
            total += Math.max(0, end[0] - start[0]);
        }
        return total;
    }

    void releaseAll() {
        for (cl_event e : events) {
            clReleaseEvent(e);
        }
        events.clear();
    }
}
