package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.jgpuarray.opencl.internal.ClBuffer;

/** Every cl_mem is released: by the core, or at the latest when its device closes. */
@Tag("opencl")
class BufferLifecycleTest {
    private static final int CYCLES = 10_000;

    @Test
    void tenThousandAllocateFreeCyclesLeaveNoLiveBuffer() {
        try (GpuDevice device = OpenClTestDevices.open()) {
            long processBefore = ClBuffer.liveInProcess();
            for (int k = 0; k < CYCLES; k++) {
                DeviceBuffer b = device.allocate(ScalarType.FLOAT32, 1 + k % 4096);
                assertEquals(1, device.unwrap(OpenClFeatures.class).orElseThrow().liveBuffers());
                b.release();
            }
            assertEquals(0, device.unwrap(OpenClFeatures.class).orElseThrow().liveBuffers());
            assertEquals(processBefore, ClBuffer.liveInProcess());
        }
    }

    @Test
    void tenThousandArraysThroughTheCoreLeaveNoLiveBuffer() {
        OpenClTestDevices.assumeOpenCl();
        long before = ClBuffer.liveInProcess();
        try (GpuContext ctx = GpuContext.create("opencl")) {
            for (int k = 0; k < CYCLES; k++) {
                try (GPUArray a = ctx.toGpu(new float[] {k, 1, 2})) {
                    assertEquals(k, a.toFloatArray()[0]);
                }
            }
            assertEquals(before + 1, ClBuffer.liveInProcess(), "the memory pool keeps the one block it reused");
            ctx.memoryPool().freeAll();
            assertEquals(before, ClBuffer.liveInProcess());
        }
        assertEquals(before, ClBuffer.liveInProcess());
    }

    @Test
    void closingTheDeviceReleasesForgottenBuffersAndKernelScratch() {
        OpenClTestDevices.assumeOpenCl();
        long before = ClBuffer.liveInProcess();
        GpuContext ctx = GpuContext.create("opencl");
        GPUArray forgotten = ctx.arange(DType.FLOAT32, 1000);
        assertEquals(499500.0, forgotten.sum().item());
        assertTrue(ClBuffer.liveInProcess() > before);
        ctx.close();
        assertEquals(before, ClBuffer.liveInProcess());
    }

    @Test
    void releaseIsIdempotentAndTransfersCheckRanges() {
        try (GpuDevice device = OpenClTestDevices.open()) {
            DeviceBuffer b = device.allocate(ScalarType.INT32, 8);
            device.copyFromHost(new HostArray.Ints(new int[] {9, 1, 2, 3}), 1, b, 4, 3);
            int[] back = new int[5];
            device.copyToHost(b, 4, new HostArray.Ints(back), 2, 3);
            assertArrayEquals(new int[] {0, 0, 1, 2, 3}, back);
            device.copyOnDevice(b, 4, b, 8, 12);
            device.copyToHost(b, 8, new HostArray.Ints(back), 0, 3);
            assertArrayEquals(new int[] {1, 2, 3}, java.util.Arrays.copyOf(back, 3), "overlapping copy");
            assertThrows(IndexOutOfBoundsException.class, () -> device.copyFromHost(new HostArray.Ints(new int[4]), 0, b, 20, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> device.copyToHost(b, 0, new HostArray.Ints(new int[2]), 1, 2));
            b.release();
            b.release();
            assertEquals(0, device.unwrap(OpenClFeatures.class).orElseThrow().liveBuffers());
        }
    }

    @Test
    void allocationBeyondTheDeviceLimitIsAClearError() {
        try (GpuDevice device = OpenClTestDevices.open()) {
            long max = ((Number) device.info().properties().get("maxAllocationBytes")).longValue();
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> device.allocate(ScalarType.INT64, max / 8 + 1));
            assertTrue(e.getMessage().contains("CL_DEVICE_MAX_MEM_ALLOC_SIZE"), e.getMessage());
            assertEquals(0, device.unwrap(OpenClFeatures.class).orElseThrow().liveBuffers());
        }
    }
}
