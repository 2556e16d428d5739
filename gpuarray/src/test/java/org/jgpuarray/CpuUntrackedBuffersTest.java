package org.jgpuarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgpuarray.kernels.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CPU backend's small buffers ({@link UntrackedBuffers}): below the pool's smallest block they come
 * straight from the device, outside the pool's counts, and an array left to the collector leaves nothing
 * behind; at and above it the pool serves and counts them as before.
 */
class CpuUntrackedBuffersTest {
    private GpuContext ctx;

    @BeforeEach
    void open() {
        ctx = GpuContext.create("cpu");
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void onlyJavaBuffersBelowTheSmallestBlockAreUntracked() {
        var cpu = ctx.backend();
        assertEquals(Dialect.JAVA, cpu.dialect());
        assertTrue(UntrackedBuffers.applies(cpu, DType.FLOAT32, 1));
        assertTrue(UntrackedBuffers.applies(cpu, DType.FLOAT32, 127));
        assertFalse(UntrackedBuffers.applies(cpu, DType.FLOAT32, 128), "512 bytes is the pool's smallest block");
        assertTrue(UntrackedBuffers.applies(cpu, DType.FLOAT64, 63));
        assertFalse(UntrackedBuffers.applies(cpu, DType.FLOAT64, 64));
        assertTrue(UntrackedBuffers.applies(cpu, DType.BOOL, 511));
        assertFalse(UntrackedBuffers.applies(cpu, DType.BOOL, 512));
        assertFalse(UntrackedBuffers.applies(new CountingDevice(1 << 20), DType.FLOAT32, 1),
                "a device's memory is always tracked, however small");
    }

    @Test
    void smallArraysStayOutOfThePoolsCountsAndLargeOnesDoNot() {
        MemoryPool pool = ctx.memoryPool();
        long used = pool.usedBytes();
        long allocations = pool.deviceAllocations();
        try (GPUArray small = ctx.empty(DType.FLOAT32, 127)) {
            assertEquals(used, pool.usedBytes(), "127 float32 are not the pool's");
            small.fill(3);
            assertEquals(3 * 127, small.sum().item());
        }
        assertEquals(allocations, pool.deviceAllocations());
        try (GPUArray large = ctx.empty(DType.FLOAT32, 128)) {
            assertEquals(used + 512, pool.usedBytes(), "128 float32 are the pool's");
        }
        assertEquals(used, pool.usedBytes());
    }

    @Test
    void sumsLeftToTheCollectorAreRightAndLeaveNothingInUse() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[1000];
        double expected = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() - 0.5);
            expected += values[i];
        }
        try (GPUArray x = ctx.toGpu(values)) {
            long used = ctx.memoryPool().usedBytes();
            for (int k = 0; k < 100_000; k++) {
                double s = x.sum().item(); // the 0-d result is dropped unclosed
                if (k % 20_000 == 0) {
                    assertEquals(expected, s, 1e-4, "seed " + seed + ", call " + k);
                }
            }
            assertEquals(used, ctx.memoryPool().usedBytes(), "0-d results dropped unclosed hold no pool memory");
            GPUArray dropped = x.sum();
            dropped.close();
            dropped.close(); // closing twice is allowed, as for any array
            assertTrue(dropped.isClosed());
        }
    }
}
