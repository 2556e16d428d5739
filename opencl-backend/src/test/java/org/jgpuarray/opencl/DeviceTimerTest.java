package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.DeviceTimer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Kernel time measured by the device through profiling events (the cookbook's PROFILING_ENABLE recipe). */
@Tag("opencl")
class DeviceTimerTest {

    @Test
    void timerSumsDeviceExecutionOfTheWorkInBetween() {
        OpenClTestDevices.assumeOpenCl();
        try (GpuContext ctx = GpuContext.create("opencl"); GPUArray x = ctx.arange(DType.FLOAT32, 1 << 22)) {
            x.mul(2f).close(); // compile outside the timed region
            long wallStart = System.nanoTime();
            DeviceTimer timer = ctx.startTimer();
            try (GPUArray y = x.mul(2f)) {
                long device = timer.stopNanos();
                long wall = System.nanoTime() - wallStart;
                assertTrue(device > 0, "device time " + device);
                assertTrue(device <= wall, "device time " + device + " within wall time " + wall);
                assertEquals(device, timer.stopNanos(), "stopping twice returns the same time");
                assertEquals(8.0f, y.toFloatArray()[4]);
            }
            DeviceTimer idle = ctx.startTimer();
            assertEquals(0, idle.stopNanos(), "nothing enqueued, nothing timed");
        }
    }

    @Test
    void nestedTimersEachSeeTheirOwnCommands() {
        OpenClTestDevices.assumeOpenCl();
        try (GpuContext ctx = GpuContext.create("opencl"); GPUArray x = ctx.zeros(DType.FLOAT32, 1 << 20)) {
            x.add(1f).close();
            DeviceTimer outer = ctx.startTimer();
            x.add(1f).close();
            DeviceTimer inner = ctx.startTimer();
            x.add(1f).close();
            long innerNanos = inner.stopNanos();
            long outerNanos = outer.stopNanos();
            assertTrue(innerNanos > 0 && outerNanos > innerNanos, innerNanos + " inside " + outerNanos);
        }
    }
}
