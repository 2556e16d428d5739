package org.jgpuarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.junit.jupiter.api.Test;

/** The pool's bookkeeping against a device that only counts: reuse, limits, out of memory, threads. */
class BlockPoolTest {
    private static final PoolSettings ON = new PoolSettings(true, Long.MAX_VALUE);

    @Test
    void aFreedBlockServesTheNextRequestOfItsClassOfAnyDtype() {
        CountingDevice device = new CountingDevice(1L << 30);
        BlockPool pool = new BlockPool(device, ON, false);
        DeviceBuffer a = pool.allocate(ScalarType.FLOAT32, 1000, null);
        assertEquals(4096, a.byteSize(), "1000 float32 get the 4096-byte class");
        pool.release(ScalarType.FLOAT32, a, null);
        assertSame(a, pool.allocate(ScalarType.INT64, 480, null), "480 int64 (3840 bytes) reuse it on a GPU");
        assertEquals(1, device.allocations.get());
        DeviceBuffer b = pool.allocate(ScalarType.FLOAT32, 1000, null);
        assertNotSame(a, b, "a block in use is not handed out again");
        assertEquals(2, pool.deviceAllocations());
    }

    @Test
    void javaHeapBlocksAreKeptPerType() {
        CountingDevice device = new CountingDevice(1L << 30);
        BlockPool pool = new BlockPool(device, ON, true);
        DeviceBuffer a = pool.allocate(ScalarType.FLOAT32, 1024, null);
        pool.release(ScalarType.FLOAT32, a, null);
        DeviceBuffer ints = pool.allocate(ScalarType.INT32, 1024, null);
        assertNotSame(a, ints, "an int[] is no float[]");
        assertSame(a, pool.allocate(ScalarType.FLOAT32, 1000, null), "the float block serves floats");
    }

    @Test
    void aFullDeviceFirstGetsTheKeptBlocksBack() {
        CountingDevice device = new CountingDevice(64 << 10);
        BlockPool pool = new BlockPool(device, ON, false);
        DeviceBuffer a = pool.allocate(ScalarType.FLOAT32, 8 << 10, null); // 32 KiB
        DeviceBuffer b = pool.allocate(ScalarType.FLOAT32, 6 << 10, null); // 24 KiB
        pool.release(ScalarType.FLOAT32, a, null);
        pool.release(ScalarType.FLOAT32, b, null);
        assertEquals(56 << 10, pool.heldBytes());
        DeviceBuffer c = pool.allocate(ScalarType.FLOAT32, 12 << 10, null); // 48 KiB: only after freeing both
        assertEquals(2, device.frees.get(), "the kept blocks were freed for the retry");
        assertEquals(0, pool.heldBytes());
        OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                () -> pool.allocate(ScalarType.FLOAT32, 5 << 10, null));
        assertEquals(20 << 10, e.requestedBytes());
        assertTrue(e.getMessage().contains("countingAlloc failed: FULL (2)"), e.getMessage());
        assertTrue(e.getMessage().contains((48 << 10) + " bytes in use, 0 bytes kept for reuse, limit none"),
                e.getMessage());
        assertEquals(48 << 10, pool.usedBytes(), "a failed allocation reserves nothing");
        pool.release(ScalarType.FLOAT32, c, null);
    }

    @Test
    void theLimitCountsKeptBlocksAndFreesThemFirst() {
        CountingDevice device = new CountingDevice(1L << 30);
        BlockPool pool = new BlockPool(device, new PoolSettings(true, 64 << 10), false);
        DeviceBuffer a = pool.allocate(ScalarType.FLOAT32, 8 << 10, null);
        pool.release(ScalarType.FLOAT32, a, null);
        DeviceBuffer b = pool.allocate(ScalarType.FLOAT32, 10 << 10, null); // 40 KiB + 32 KiB kept > 64 KiB
        assertEquals(1, device.frees.get(), "the kept block went for the limit");
        OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                () -> pool.allocate(ScalarType.FLOAT32, 7 << 10, null));
        assertTrue(e.getMessage().contains("limit 65536 bytes") && e.getMessage().contains("JGPUARRAY_MEMORY_LIMIT"),
                e.getMessage());
        pool.setLimit(1L << 20);
        pool.release(ScalarType.FLOAT32, pool.allocate(ScalarType.FLOAT32, 7 << 10, null), null);
        pool.release(ScalarType.FLOAT32, b, null);
        pool.setLimit(1 << 10);
        assertEquals((28 << 10) + (40 << 10), pool.heldBytes(), "a lower limit takes nothing back by itself");
        pool.release(ScalarType.FLOAT32, pool.allocate(ScalarType.FLOAT32, 128, null), null); // 512 bytes
        assertEquals(512, pool.heldBytes(), "the next allocation freed the kept blocks to fit the limit");
        pool.freeAll();
        assertEquals(0, pool.heldBytes());
        assertEquals(0, device.live.size(), "everything freed");
    }

    @Test
    void offMeansExactSizesAndImmediateFrees() {
        CountingDevice device = new CountingDevice(1L << 30);
        BlockPool pool = new BlockPool(device, new PoolSettings(false, Long.MAX_VALUE), false);
        DeviceBuffer a = pool.allocate(ScalarType.FLOAT32, 1000, null);
        assertEquals(4000, a.byteSize());
        assertEquals(4000, pool.usedBytes());
        pool.release(ScalarType.FLOAT32, a, null);
        assertEquals(1, device.frees.get());
        assertEquals(0, pool.heldBytes());
    }

    @Test
    void releasesAfterCloseAreIgnored() {
        CountingDevice device = new CountingDevice(1L << 30);
        BlockPool pool = new BlockPool(device, ON, false);
        DeviceBuffer a = pool.allocate(ScalarType.FLOAT32, 10, null);
        pool.release(ScalarType.FLOAT32, pool.allocate(ScalarType.FLOAT32, 1 << 20, null), null);
        pool.close();
        pool.release(ScalarType.FLOAT32, a, null);
        assertEquals(0, device.frees.get(), "the closing device frees everything itself");
        assertEquals(0, pool.heldBytes());
    }

    @Test
    void threadsNeverShareABlockAndTheFiguresAddUp() throws Exception {
        CountingDevice device = new CountingDevice(1L << 30);
        BlockPool pool = new BlockPool(device, ON, false);
        int threads = 8;
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(workers.submit(() -> {
                    Random r = new Random(1000 + id);
                    List<CountingDevice.Block> mine = new ArrayList<>();
                    for (int k = 0; k < 20_000; k++) {
                        if (mine.size() < 4 && (mine.isEmpty() || r.nextBoolean())) {
                            var b = (CountingDevice.Block) pool.allocate(ScalarType.FLOAT32, 1 + r.nextInt(3000), null);
                            if (!b.owner.compareAndSet(-1, id)) {
                                throw new AssertionError("thread " + id + " got a block that thread " + b.owner.get()
                                        + " holds");
                            }
                            mine.add(b);
                        } else {
                            var b = mine.remove(r.nextInt(mine.size()));
                            b.owner.set(-1);
                            pool.release(ScalarType.FLOAT32, b, null);
                        }
                        if (k % 5000 == 0 && id == 0) {
                            pool.freeAll();
                        }
                    }
                    mine.forEach(b -> {
                        b.owner.set(-1);
                        pool.release(ScalarType.FLOAT32, b, null);
                    });
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        assertEquals(0, pool.usedBytes(), "nothing in use after every release");
        assertEquals(device.inUse.get(), pool.heldBytes(), "the device holds just the kept blocks");
        pool.freeAll();
        assertEquals(0, device.live.size());
        assertEquals(device.allocations.get(), device.frees.get());
    }
}
