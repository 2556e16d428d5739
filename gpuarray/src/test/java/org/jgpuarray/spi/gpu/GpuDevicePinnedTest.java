package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.DirectMemory;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;
import org.junit.jupiter.api.Test;

/**
 * {@link GpuDevice}'s pinned memory and asynchronous copies over a driver that counts its calls: allocations
 * go through the driver and are freed once (by the core, or by closing the device), asynchronous copies count
 * in the queue bound, and their host memory stays reachable until the device has passed them.
 */
class GpuDevicePinnedTest {
    @Test
    void pinnedMemoryIsFreedOnceByItsOwnerOrByTheDeviceClosing() {
        CountingDriver driver = new CountingDriver();
        GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test");
        PinnedMemory kept = device.allocatePinned(64);
        PinnedMemory released = device.allocatePinned(128);
        assertEquals(2, driver.pinnedAllocated);
        assertEquals(128, released.byteSize());
        released.release();
        released.release();
        assertEquals(1, driver.pinnedReleased, "released once");
        device.close();
        assertEquals(2, driver.pinnedReleased, "closing frees what the core did not");
        kept.release();
        assertEquals(2, driver.pinnedReleased, "nothing freed twice after close");
        assertThrows(IllegalStateException.class, () -> device.allocatePinned(8));
    }

    /** A broken device cannot wait for its work; closing it still frees the memory and does not throw. */
    @Test
    void closingABrokenDeviceFreesPinnedMemoryWithoutThrowing() {
        CountingDriver driver = new CountingDriver();
        GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test");
        device.allocatePinned(64);
        driver.synchronizeFails = new IllegalStateException("CUDA_ERROR_ILLEGAL_ADDRESS (sticky)");
        device.close();
        assertEquals(1, driver.pinnedReleased);
        assertTrue(driver.closed, "the driver closed too");
    }

    @Test
    void asynchronousCopiesCountInTheQueueBound() {
        CountingDriver driver = new CountingDriver();
        try (GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test")) {
            HostArray host = HostArray.of(new float[4]);
            DeviceBuffer buffer = device.allocate(ScalarType.FLOAT32, 4);
            for (int k = 0; k < QueueBound.COMMANDS; k++) {
                device.copyFromHostAsync(host, 0, buffer, 0, 4);
            }
            assertEquals(QueueBound.COMMANDS, driver.asyncWrites);
            assertEquals(1, driver.throttles, "a throttle point after " + QueueBound.COMMANDS + " commands");
            for (int k = 0; k < QueueBound.COMMANDS; k++) {
                device.copyToHostAsync(buffer, 0, host, 0, 4);
            }
            assertEquals(QueueBound.COMMANDS, driver.asyncReads);
            assertEquals(2, driver.throttles);
        }
    }

    @Test
    void theHostMemoryOfACopyStaysReachableUntilTheDeviceHasPassedIt() throws InterruptedException {
        CountingDriver driver = new CountingDriver();
        try (GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test")) {
            DeviceBuffer buffer = device.allocate(ScalarType.FLOAT32, 4);
            WeakReference<HostArray> copied = enqueueFromFreshMemory(device, buffer);
            collect(copied, 3);
            assertNotNull(copied.get(), "kept while the copy may be queued");
            device.synchronize();
            assertTrue(collect(copied, 50), "dropped once the queue drained");

            copied = enqueueFromFreshMemory(device, buffer);
            for (int k = 0; k < QueueBound.COMMANDS - 1; k++) {
                device.copyOnDevice(buffer, 0, buffer, 0, 0);
            }
            assertEquals(1, driver.throttles);
            collect(copied, 3);
            assertNotNull(copied.get(), "the first throttle point waits only for the window before it");
            for (int k = 0; k < QueueBound.COMMANDS; k++) {
                device.copyOnDevice(buffer, 0, buffer, 0, 0);
            }
            assertEquals(2, driver.throttles);
            assertTrue(collect(copied, 50), "dropped at the throttle point after the one that followed it");
        }
    }

    private static WeakReference<HostArray> enqueueFromFreshMemory(GpuDevice device, DeviceBuffer buffer) {
        HostArray host = HostArray.direct(ScalarType.FLOAT32,
                ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder()).asFloatBuffer());
        device.copyFromHostAsync(host, 0, buffer, 0, 4);
        return new WeakReference<>(host);
    }

    /** Collects up to {@code tries} times until {@code ref} is cleared; true when it was. */
    private static boolean collect(WeakReference<?> ref, int tries) throws InterruptedException {
        for (int k = 0; k < tries && ref.get() != null; k++) {
            System.gc();
            Thread.sleep(10);
        }
        return ref.get() == null;
    }

    /** A driver whose buffers are plain objects and whose copies only count; it keeps no host memory. */
    private static final class CountingDriver implements GpuDriver {
        int pinnedAllocated;
        int pinnedReleased;
        int asyncWrites;
        int asyncReads;
        int throttles;
        RuntimeException synchronizeFails;
        boolean closed;

        @Override
        public DeviceInfo info() {
            return DeviceInfo.builder("test", "counting device", DeviceType.GPU).build();
        }

        @Override
        public Dialect dialect() {
            return Dialect.OPENCL;
        }

        @Override
        public LaunchLimits limits() {
            return new LaunchLimits(new long[] {1, 1, 1}, new long[] {1, 1, 1}, 1, 0, 0);
        }

        @Override
        public String binaryFingerprint() {
            return "counting 1.0";
        }

        @Override
        public GpuProgram build(String name, String source, List<String> options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<GpuProgram> load(String name, byte[] binary, List<String> options) {
            return Optional.empty();
        }

        @Override
        public DeviceBuffer allocate(long bytes) {
            return new DeviceBuffer() {
                @Override
                public long byteSize() {
                    return bytes;
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public PinnedMemory allocatePinned(long bytes) {
            pinnedAllocated++;
            DirectMemory memory = DirectMemory.allocate(bytes);
            return new PinnedMemory() {
                @Override
                public ByteBuffer buffer() {
                    return memory.buffer();
                }

                @Override
                public long byteSize() {
                    return memory.byteSize();
                }

                @Override
                public void release() {
                    pinnedReleased++;
                }
            };
        }

        @Override
        public void writeAsync(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
            asyncWrites++;
        }

        @Override
        public void readAsync(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
            asyncReads++;
        }

        @Override
        public void write(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        }

        @Override
        public void read(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        }

        @Override
        public void copy(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        }

        @Override
        public void synchronize() {
            if (synchronizeFails != null) {
                throw synchronizeFails;
            }
        }

        @Override
        public void throttle() {
            throttles++;
        }

        @Override
        public DeviceTimer startTimer() {
            return () -> 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
