package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.MemoryPool;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The memory pool on every backend: freed memory is reused (a warm loop of temporaries asks the device for
 * nothing), dirty reused blocks never leak into {@code zeros}, the limit and {@code freeAll} hold, the
 * out-of-memory message carries the pool's figures, and the pool can be switched off. Results are checked
 * against float64 references computed here.
 */
public abstract class MemoryPoolConformance extends ConformanceBase {
    private MemoryPool pool;

    @BeforeEach
    void emptyPool() {
        pool = ctx.memoryPool();
        assumeTrue(pool.isEnabled(), "the memory pool is switched off in this environment (JGPUARRAY_MEMORY_POOL)");
        pool.setLimit(Long.MAX_VALUE);
        pool.freeAll();
    }

    @AfterEach
    void noLimit() {
        if (pool != null) {
            pool.setLimit(Long.MAX_VALUE);
        }
    }

    @Test
    void tenThousandOpByOpChainsAfterWarmUpAllocateNothing() {
        int n = 1000;
        Random r = random("chains", n);
        float[] xs = floats(r, n, -10, 10);
        float[] ys = floats(r, n, -10, 10);
        try (GPUArray x = ctx.toGpu(xs); GPUArray y = ctx.toGpu(ys)) {
            chain(x, y).close(); // warm-up: the three blocks of one chain
            long before = pool.deviceAllocations();
            for (int k = 0; k < 10_000; k++) {
                GPUArray c = chain(x, y);
                if (k % 2500 == 0 || k == 9_999) {
                    assertChain(xs, ys, c.toFloatArray(), "chain " + k);
                }
                c.close();
            }
            assertEquals(before, pool.deviceAllocations(), "device allocations during 10^4 warm chains");
        }
    }

    @Test
    void chainsOfAwkwardSizesReuseTheirBlocks() {
        int[] sizes = {0, 1, 3, 1000, 4097, 100_003};
        List<float[][]> inputs = new ArrayList<>();
        for (int n : sizes) {
            Random r = random("awkward", n);
            inputs.add(new float[][] {floats(r, n, -1, 1), floats(r, n, -1, 1)});
        }
        long before = -1;
        for (int round = 0; round < 5; round++) {
            if (round == 1) {
                before = pool.deviceAllocations();
            }
            for (float[][] in : inputs) {
                try (GPUArray x = ctx.toGpu(in[0]); GPUArray y = ctx.toGpu(in[1]); GPUArray c = chain(x, y)) {
                    assertChain(in[0], in[1], c.toFloatArray(), "n = " + in[0].length + ", round " + round);
                }
            }
        }
        assertEquals(before, pool.deviceAllocations(), "rounds after the first reuse every block");
    }

    @Test
    void zerosAreZeroInADirtyReusedBlock() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.INT32, DType.INT64, DType.FLOAT64}) {
            if (dtype == DType.FLOAT64 && !ctx.device().fp64()) {
                continue;
            }
            int n = 1000;
            ctx.empty(dtype, n).fill(77).close(); // a poisoned block on the shelf
            long before = pool.deviceAllocations();
            try (GPUArray z = ctx.zeros(dtype, 900)) { // same size class as 1000 values
                assertEquals(before, pool.deviceAllocations(), dtype + ": the poisoned block was reused");
                for (double v : z.toDoubleArray()) {
                    assertEquals(0.0, v, dtype + ": zeros from a dirty block");
                }
            }
            try (GPUArray like = ctx.empty(dtype, 1000).fill(5); GPUArray z = ctx.zerosLike(like);
                 GPUArray sum = z.sum()) {
                assertEquals(0.0, sum.item(), dtype + ": zerosLike");
            }
        }
    }

    @Test
    void reductionsIntoDirtyBlocksAreExact() {
        ctx.empty(DType.FLOAT32, 128).fill(-1e30).close(); // a poisoned block of the smallest class
        int n = 1003;
        Random r = random("sum", n);
        float[] xs = floats(r, n, 0, 1);
        double expected = 0;
        for (float v : xs) {
            expected += v;
        }
        try (GPUArray x = ctx.toGpu(xs)) {
            for (int k = 0; k < 20; k++) {
                assertEquals(expected, x.sum().item(), 1e-3, "sum " + k);
            }
        }
    }

    @Test
    void usedAndHeldBytesFollowTheArrays() {
        long used = pool.usedBytes();
        GPUArray a = ctx.empty(DType.FLOAT32, 1000); // 4000 bytes: the 4096-byte class
        assertEquals(used + 4096, pool.usedBytes(), "in use after allocating 1000 float32");
        assertEquals(0, pool.heldBytes(), "nothing kept before a free");
        a.close();
        assertEquals(used, pool.usedBytes(), "in use after the close");
        assertEquals(4096, pool.heldBytes(), "kept after the close");
        pool.freeAll();
        assertEquals(0, pool.heldBytes(), "kept after freeAll");
        assertEquals(used, pool.usedBytes(), "freeAll leaves arrays alone");
    }

    @Test
    void theLimitRefusesWithThePoolsFigures() {
        List<GPUArray> live = new ArrayList<>();
        try {
            pool.setLimit(pool.usedBytes() + (1 << 20));
            assertEquals(pool.usedBytes() + (1 << 20), pool.limit());
            // 256 KiB each until the limit refuses one; arrays of earlier tests left to the collector may be
            // released (and make room) on the way, since a refused allocation collects them and retries
            OutOfDeviceMemoryException e = null;
            for (int k = 0; k < 64 && e == null; k++) {
                try {
                    live.add(ctx.empty(DType.FLOAT32, 1 << 16));
                } catch (OutOfDeviceMemoryException refused) {
                    e = refused;
                }
            }
            assertTrue(e != null && live.size() >= 4, "the limit refused no allocation: " + pool);
            assertEquals(1 << 18, e.requestedBytes(), e.getMessage());
            assertTrue(e.getMessage().contains("cannot allocate 262144 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("limit " + pool.limit() + " bytes"), e.getMessage());
            assertTrue(e.getMessage().contains(pool.usedBytes() + " bytes in use"), e.getMessage());
            pool.freeAll(); // blocks of collected arrays, if any
            live.remove(live.size() - 1).close();
            live.remove(live.size() - 1).close();
            assertEquals(1 << 19, pool.heldBytes(), "the closed arrays' blocks are kept");
            // 320 KiB, another class: fits the limit only once the two kept 256 KiB blocks are freed
            try (GPUArray other = ctx.empty(DType.FLOAT32, 81_920)) {
                assertEquals(0, pool.heldBytes(), "the kept blocks were freed for the limit");
                assertTrue(pool.usedBytes() <= pool.limit(), "within the limit: " + pool);
            }
        } finally {
            live.forEach(GPUArray::close);
        }
        assertThrows(IllegalArgumentException.class, () -> pool.setLimit(0));
    }

    @Test
    void thePoolCanBeSwitchedOff() {
        System.setProperty("jgpuarray.memory.pool", "0");
        GpuContext off;
        try {
            off = GpuContext.create(backend());
        } finally {
            System.clearProperty("jgpuarray.memory.pool");
        }
        try (off) {
            MemoryPool p = off.memoryPool();
            assertFalse(p.isEnabled());
            int n = 1001;
            Random r = random("off", n);
            float[] xs = floats(r, n, -1, 1);
            float[] ys = floats(r, n, -1, 1);
            try (GPUArray x = off.toGpu(xs); GPUArray y = off.toGpu(ys)) {
                long before = p.deviceAllocations();
                for (int k = 0; k < 10; k++) {
                    try (GPUArray c = chain(x, y)) {
                        assertChain(xs, ys, c.toFloatArray(), "pool off, chain " + k);
                    }
                }
                assertEquals(before + 30, p.deviceAllocations(), "three allocations per chain without a pool");
                assertEquals(0, p.heldBytes(), "nothing kept without a pool");
                assertEquals(2 * 4004, p.usedBytes(), "exact sizes without a pool");
            }
        }
    }

    @Test
    void theMemoryPoolOfAClosedContextIsRefused() {
        GpuContext other = GpuContext.create(backend());
        other.close();
        assertThrows(IllegalStateException.class, other::memoryPool);
    }

    /** {@code 2*x + 5*y} op by op: three arrays, two of them temporaries closed here. */
    private static GPUArray chain(GPUArray x, GPUArray y) {
        try (GPUArray a = x.mul(2.0); GPUArray b = y.mul(5.0)) {
            return a.add(b);
        }
    }

    private static void assertChain(float[] xs, float[] ys, float[] got, String what) {
        assertEquals(xs.length, got.length, what);
        for (int i = 0; i < xs.length; i++) {
            double expected = 2.0 * xs[i] + 5.0 * ys[i];
            assertEquals(expected, got[i], 1e-5 * (1 + Math.abs(expected)), what + ", element " + i);
        }
    }
}
