package org.jgpuarray.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.spi.DeviceBuffer;
import org.junit.jupiter.api.Test;

/**
 * The bound on memory left to the garbage collector, without a device: holds of 1 MiB buffers whose owners
 * are dropped at once, or kept.
 */
class MemoryPressureTest {
    private static final long MIB = 1 << 20;
    private static final long DEVICE = 256 * MIB; // a budget of 16 MiB, at most 64

    @Test
    void budgetsFollowTheDevice() {
        assertEquals(16 * MIB, MemoryPressure.baseBudget(DEVICE));
        assertEquals(64 * MIB, MemoryPressure.baseBudget(80L << 30));
        assertEquals(16 * MIB, MemoryPressure.baseBudget(0));
    }

    @Test
    void forgottenArraysStayWithinAboutOneBudget() {
        MemoryPressure pressure = new MemoryPressure(DEVICE, true);
        ReleaseQueue releases = new ReleaseQueue();
        long most = 0;
        for (int i = 0; i < 400; i++) {
            allocate(pressure, releases, new Object()); // the owner is unreachable at once
            most = Math.max(most, pressure.liveBytes());
        }
        assertTrue(most <= 18 * MIB, "live memory reached " + (most / MIB) + " MiB");
        assertTrue(pressure.collections() >= 20 && pressure.collections() <= 26,
                "collections: " + pressure.collections());
    }

    @Test
    void keptArraysCostLogarithmicallyFewCollections() {
        MemoryPressure pressure = new MemoryPressure(DEVICE, true);
        ReleaseQueue releases = new ReleaseQueue();
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Object owner = new Object();
            kept.add(owner);
            allocate(pressure, releases, owner);
        }
        assertEquals(400 * MIB, pressure.liveBytes());
        // 16, then 32, then 64 MiB (a quarter of the device) between collections
        assertTrue(pressure.collections() <= 8, "collections: " + pressure.collections());
        kept.clear();
    }

    @Test
    void withoutHintsOnlyTheQueueIsDrained() {
        MemoryPressure pressure = new MemoryPressure(DEVICE, false);
        ReleaseQueue releases = new ReleaseQueue();
        for (int i = 0; i < 100; i++) {
            allocate(pressure, releases, new Object());
        }
        assertEquals(0, pressure.collections());
    }

    @Test
    void closedHoldsAreReleasedOnceAndClearForgetsTheRest() {
        ReleaseQueue releases = new ReleaseQueue();
        int[] freed = new int[1];
        Object owner = new Object();
        ArrayMemory closed = new ArrayMemory(new SharedBuffer(buffer(MIB), b -> freed[0]++), releases, owner);
        closed.close();
        closed.close();
        assertEquals(1, freed[0]);
        ArrayMemory open = new ArrayMemory(new SharedBuffer(buffer(MIB), b -> freed[0]++), releases, owner);
        releases.clear();
        open.close();
        assertTrue(open.isClosed());
        assertEquals(1, freed[0], "a hold forgotten at close is never released");
    }

    private static void allocate(MemoryPressure pressure, ReleaseQueue releases, Object owner) {
        releases.drain();
        pressure.beforeAllocation(releases);
        pressure.allocated(MIB);
        new ArrayMemory(new SharedBuffer(buffer(MIB), b -> pressure.released(b.byteSize())), releases, owner);
    }

    private static DeviceBuffer buffer(long bytes) {
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
}
