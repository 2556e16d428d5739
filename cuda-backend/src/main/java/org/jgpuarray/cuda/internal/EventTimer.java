package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;

import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import org.jgpuarray.device.DeviceTimer;

/** Times device work between two CUDA events recorded in the device's stream (resolution about 0.5 us). */
final class EventTimer implements DeviceTimer {
    private final CudaContext context;
    private final CUevent start = new CUevent();
    private final CUevent stop = new CUevent();
    private boolean stopped;

    EventTimer(CudaContext context) {
        this.context = context;
        context.enter();
        context.check("cuEventCreate", cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT));
        int result = cuEventCreate(stop, CUevent_flags.CU_EVENT_DEFAULT);
        if (result != 0) {
            cuEventDestroy(start);
            context.check("cuEventCreate", result);
        }
        try {
            record(start);
        } catch (RuntimeException e) {
            cuEventDestroy(start);
            cuEventDestroy(stop);
            throw e;
        }
    }

    @Override
    public long stopNanos() {
        if (stopped) {
            throw new IllegalStateException("this timer was already stopped");
        }
        stopped = true;
        try {
            context.enter();
            record(stop);
            context.check("cuEventSynchronize", cuEventSynchronize(stop));
            float[] milliseconds = {0};
            context.check("cuEventElapsedTime", cuEventElapsedTime(milliseconds, start, stop));
            return Math.round(milliseconds[0] * 1e6);
        } finally {
            cuEventDestroy(start);
            cuEventDestroy(stop);
        }
    }

    private void record(CUevent event) {
        context.check("cuEventRecord", cuEventRecord(event, DeviceMemory.STREAM));
    }
}
