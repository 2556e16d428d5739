package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendEvent;
import org.jgpuarray.spi.BackendStream;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.junit.jupiter.api.Test;

/**
 * {@link GpuDevice} with streams over a driver that logs which queue each call went to: calls follow the
 * thread's selected queue, the driver is switched only when the queue changes, scratch memory and the bound
 * on queued work are per queue, and closing releases every queue and marker; a thread waiting for a stream or
 * an event leaves the device to the others. No device needed.
 */
class GpuDeviceStreamsTest {
    @Test
    void callsGoToTheThreadsSelectedQueueAndTheDriverSwitchesOnlyOnChange() {
        QueueDriver driver = new QueueDriver();
        try (GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test")) {
            DeviceBuffer a = device.allocate(ScalarType.FLOAT32, 4);
            BackendStream s = device.newStream();
            device.copyOnDevice(a, 0, a, 8, 8);
            device.select(s);
            device.copyOnDevice(a, 0, a, 8, 8);
            device.copyOnDevice(a, 0, a, 8, 8);
            device.select(null);
            device.copyOnDevice(a, 0, a, 8, 8);
            assertEquals(List.of("select q0", "copy q0", "select q1", "copy q1", "copy q1", "select q0", "copy q0"),
                    driver.log.subList(driver.log.indexOf("select q0"), driver.log.size()));
        }
    }

    @Test
    void libraryCallsRunOnTheSelectedQueue() {
        QueueDriver driver = new QueueDriver();
        try (GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test")) {
            BackendStream s = device.newStream();
            device.select(s);
            assertEquals("q1", device.exclusive(() -> driver.selected.toString()), "a library call on the stream");
            device.select(null);
            assertEquals("q0", device.exclusive(() -> driver.selected.toString()), "and back on the own queue");
        }
    }

    @Test
    void eachQueueHasItsOwnScratchMemory() {
        QueueDriver driver = new QueueDriver();
        try (GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test")) {
            BackendStream s = device.newStream();
            DeviceBuffer own = device.run(() -> device.scratch().get("reduction-partials", 1024));
            device.select(s);
            DeviceBuffer other = device.run(() -> device.scratch().get("reduction-partials", 1024));
            device.select(null);
            assertNotSame(own, other, "two queues that run at once must not share reduction partials");
            assertSame(own, device.run(() -> device.scratch().get("reduction-partials", 1024)));
            s.close();
            assertTrue(((FakeBuffer) other).released, "closing a stream frees its scratch memory");
        }
    }

    @Test
    void aBlockingReadInOneQueueDoesNotResetAnotherQueuesBound() {
        QueueDriver driver = new QueueDriver();
        try (GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test")) {
            DeviceBuffer a = device.allocate(ScalarType.FLOAT32, 4);
            BackendStream busy = device.newStream();
            device.select(busy);
            for (int k = 0; k < QueueBound.COMMANDS - 10; k++) {
                device.copyOnDevice(a, 0, a, 8, 8);
            }
            device.select(null);
            device.copyToHost(a, 0, HostArray.allocate(ScalarType.FLOAT32, 1), 0, 1); // drains q0 only
            device.select(busy);
            for (int k = 0; k < 20; k++) {
                device.copyOnDevice(a, 0, a, 8, 8);
            }
            assertEquals(List.of("throttle q1"), driver.log.stream().filter(l -> l.startsWith("throttle")).toList(),
                    "the busy queue is throttled after " + QueueBound.COMMANDS + " of its commands");
        }
    }

    @Test
    void eventsOrderQueuesAndClosingReleasesEveryQueueAndMarker() {
        QueueDriver driver = new QueueDriver();
        GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test");
        BackendStream a = device.newStream();
        BackendStream b = device.newStream();
        BackendEvent e = a.record();
        b.waitEvent(e);
        BackendEvent kept = a.record();
        e.close();
        e.close();
        assertTrue(driver.log.contains("q2 waits for m0 of q1"), driver.log.toString());
        a.close();
        assertThrows(IllegalStateException.class, a::synchronize);
        assertThrows(IllegalStateException.class, () -> device.select(a));
        device.close();
        assertEquals(0, driver.liveQueues, "queues left after close");
        assertEquals(0, driver.liveMarkers, "markers left after close (" + kept + " was never closed)");
        assertThrows(IllegalStateException.class, kept::isDone);
    }

    @Test
    void aThreadWaitingForAStreamLeavesTheDeviceToOtherThreads() throws Exception {
        QueueDriver driver = new QueueDriver();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test");
        try {
            DeviceBuffer a = device.allocate(ScalarType.FLOAT32, 4);
            BackendStream busy = device.newStream();
            driver.block();
            Future<?> waiting = waiter.submit(busy::synchronize);
            assertTrue(driver.waitEntered.await(10, TimeUnit.SECONDS), "the waiter never began to wait");
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> device.copyOnDevice(a, 0, a, 8, 8),
                    "another thread's copy waited for the stream's synchronize");
            assertFalse(waiting.isDone(), "the stream's work has not finished");
            driver.unblock();
            waiting.get(10, TimeUnit.SECONDS);
            assertEquals(0, driver.liveMarkers, "the marker the stream was waited for through is released");
            assertTrue(driver.log.contains("synchronize q1"), "the finished queue is drained: " + driver.log);
        } finally {
            driver.unblock(); // before closing: close lets the waits end
            waiter.shutdownNow();
            device.close();
        }
    }

    @Test
    void anEventClosedWhileAThreadWaitsForItIsReleasedWhenTheWaitEnds() throws Exception {
        QueueDriver driver = new QueueDriver();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test");
        try {
            BackendStream s = device.newStream();
            BackendEvent e = s.record();
            driver.block();
            Future<?> waiting = waiter.submit(e::synchronize);
            assertTrue(driver.waitEntered.await(10, TimeUnit.SECONDS), "the waiter never began to wait");
            assertTimeoutPreemptively(Duration.ofSeconds(10), e::close, "closing waited for the event");
            assertEquals(1, driver.liveMarkers, "the marker a thread waits for is still alive");
            driver.unblock();
            waiting.get(10, TimeUnit.SECONDS);
            assertEquals(0, driver.liveMarkers, "released when its last waiter is done");
        } finally {
            driver.unblock(); // before closing: close lets the waits end
            waiter.shutdownNow();
            device.close();
        }
    }

    @Test
    void closingTheDeviceLetsAWaitEndBeforeReleasingAnything() throws Exception {
        QueueDriver driver = new QueueDriver();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            GpuDevice device = new GpuDevice(driver, CacheSettings.disabled(), "test");
            BackendEvent e = device.newStream().record();
            driver.block();
            Future<?> waiting = threads.submit(e::synchronize);
            assertTrue(driver.waitEntered.await(10, TimeUnit.SECONDS), "the waiter never began to wait");
            Future<?> closing = threads.submit(device::close);
            assertThrows(TimeoutException.class, () -> closing.get(300, TimeUnit.MILLISECONDS),
                    "close released the marker a thread still waits for");
            assertEquals(1, driver.liveQueues, "the stream's queue is kept while its event is waited for");
            driver.unblock();
            waiting.get(10, TimeUnit.SECONDS);
            closing.get(10, TimeUnit.SECONDS);
            assertEquals(0, driver.liveMarkers, "markers left after close");
            assertEquals(0, driver.liveQueues, "queues left after close");
        } finally {
            driver.unblock();
            threads.shutdownNow();
        }
    }

    /**
     * A driver whose queues log what is enqueued in them. After {@link #block()} its queues are busy: waits for
     * them or their markers block until {@link #unblock()}.
     */
    private static final class QueueDriver implements GpuDriver {
        final List<String> log = new ArrayList<>();
        final CountDownLatch waitEntered = new CountDownLatch(1);
        private volatile CountDownLatch busy;
        final Queue own = new Queue(0);
        int queues = 1;
        int markers;
        int liveQueues;
        int liveMarkers;
        Queue selected = own;

        void block() {
            busy = new CountDownLatch(1);
        }

        void unblock() {
            if (busy != null) {
                busy.countDown();
            }
        }

        boolean idle() {
            return busy == null || busy.getCount() == 0;
        }

        /** Blocks while the queues are busy, like a driver's wait for work that still runs. */
        void awaitIdle() {
            if (idle()) {
                return;
            }
            waitEntered.countDown();
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public GpuQueue createQueue() {
            liveQueues++;
            return new Queue(queues++);
        }

        @Override
        public GpuQueue ownQueue() {
            return own;
        }

        @Override
        public void select(GpuQueue queue) {
            selected = (Queue) queue;
            log.add("select " + selected);
        }

        @Override
        public void throttle() {
            log.add("throttle " + selected);
        }

        @Override
        public DeviceInfo info() {
            return DeviceInfo.builder("test", "queue device", DeviceType.GPU).build();
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
        public DeviceBuffer allocate(long bytes) {
            return new FakeBuffer(bytes);
        }

        @Override
        public void write(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
            log.add("write " + selected);
        }

        @Override
        public void read(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
            log.add("read " + selected);
        }

        @Override
        public void copy(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
            log.add("copy " + selected);
        }

        @Override
        public void synchronize() {
            log.add("synchronize");
        }

        @Override
        public DeviceTimer startTimer() {
            return () -> 0;
        }

        @Override
        public String binaryFingerprint() {
            return "queues 1.0";
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
        public void close() {
        }

        private final class Queue implements GpuQueue {
            private final int number;

            Queue(int number) {
                this.number = number;
            }

            @Override
            public void synchronize() {
                awaitIdle();
                log.add("synchronize " + this);
            }

            @Override
            public boolean isDone() {
                return idle();
            }

            @Override
            public GpuMarker record() {
                liveMarkers++;
                String name = "m" + markers++ + " of " + this;
                return new GpuMarker() {
                    @Override
                    public void synchronize() {
                        awaitIdle();
                    }

                    @Override
                    public boolean isDone() {
                        return idle();
                    }

                    @Override
                    public double elapsedMillisSince(GpuMarker start) {
                        return 0;
                    }

                    @Override
                    public void release() {
                        liveMarkers--;
                    }

                    @Override
                    public String toString() {
                        return name;
                    }
                };
            }

            @Override
            public void waitFor(GpuMarker marker) {
                log.add(this + " waits for " + marker);
            }

            @Override
            public void release() {
                liveQueues--;
            }

            @Override
            public String toString() {
                return "q" + number;
            }
        }
    }

    private static final class FakeBuffer implements DeviceBuffer {
        private final long bytes;
        boolean released;

        FakeBuffer(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public long byteSize() {
            return bytes;
        }

        @Override
        public void release() {
            released = true;
        }
    }
}
