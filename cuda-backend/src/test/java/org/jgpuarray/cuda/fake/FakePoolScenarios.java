package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.MemoryPool;
import org.jgpuarray.device.OutOfDeviceMemoryException;

/**
 * The memory pool over {@code cuMemAlloc}, as the fake driver logs it ({@code alloc id=.. bytes=..},
 * {@code free id=..}): a warm loop of temporaries allocates nothing, blocks are class-sized, a full device
 * first gets the kept blocks back, {@code freeAll} and switching the pool off free through
 * {@code cuMemFree}. The fake has 256 MiB ({@code FAKE_CUDA_MEMORY}); its kernels do not run.
 */
final class FakePoolScenarios {
    private final FakeLog log;

    FakePoolScenarios(FakeLog log) {
        this.log = log;
    }

    /** 10^4 op-by-op chains after one warm-up chain: no cuMemAlloc, no cuMemFree. */
    void warmChainsAllocateNothing() {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.FLOAT32, 1000);
             GPUArray y = ctx.zeros(DType.FLOAT32, 1000)) {
            chain(x, y).close();
            log.mark();
            for (int k = 0; k < 10_000; k++) {
                chain(x, y).close();
            }
            check(log.since("alloc ").isEmpty(), "cuMemAlloc in warm chains: " + log.since("alloc ").size());
            check(log.since("free ").isEmpty(), "cuMemFree in warm chains: " + log.since("free ").size());
            check(log.since("launch ").size() == 30_000, "three launches per chain: " + log.since("launch ").size());
            MemoryPool pool = ctx.memoryPool();
            check(pool.heldBytes() == 3 * 4096, "three 4096-byte blocks kept: " + pool);
            log.mark();
            pool.freeAll();
            check(log.since("free ").size() == 3, "freeAll frees the kept blocks: " + log.sinceMark());
            check(pool.heldBytes() == 0, pool.toString());
        }
    }

    /** A block is allocated at its class's size: 1000 float32 (4000 bytes) get 4096. */
    void blocksAreClassSized() {
        try (GpuContext ctx = GpuContext.create("cuda")) {
            log.mark();
            try (GPUArray a = ctx.empty(DType.FLOAT32, 1000); GPUArray b = ctx.empty(DType.INT32, 1)) {
                List<String> allocs = log.since("alloc ");
                check(allocs.size() == 2 && allocs.get(0).endsWith("bytes=4096") && allocs.get(1).endsWith("bytes=512"),
                        "class sizes: " + allocs);
            }
        }
    }

    /** A full device: the kept blocks are freed and the allocation retried; past that, the pool's figures. */
    void aFullDeviceGetsTheKeptBlocksBack() {
        try (GpuContext ctx = GpuContext.create("cuda")) {
            ctx.empty(DType.FLOAT32, 32L << 20).close(); // 128 MiB kept
            log.mark();
            try (GPUArray big = ctx.empty(DType.FLOAT32, 40L << 20)) { // 160 MiB: fits only without the kept block
                String text = log.sinceMark();
                check(text.indexOf("free id=") >= 0 && text.indexOf("free id=") < text.indexOf("alloc id="),
                        "the kept block freed before the retried cuMemAlloc: " + text);
                OutOfDeviceMemoryException oom = expect(OutOfDeviceMemoryException.class,
                        () -> ctx.empty(DType.FLOAT32, 30_000_000)); // 120000000 bytes, a 128 MiB block
                check(oom.requestedBytes() == 120_000_000L, oom.getMessage());
                check(oom.code() == 2, oom.getMessage());
                check(oom.getMessage().contains("a block of 134217728 bytes did not fit")
                        && oom.getMessage().contains((160L << 20) + " bytes in use, 0 bytes kept for reuse"),
                        oom.getMessage());
            }
        }
    }

    /** With JGPUARRAY_MEMORY_POOL=0 each array is its own cuMemAlloc, freed by its close. */
    void poolOffFreesAtOnce() {
        System.setProperty("jgpuarray.memory.pool", "0");
        GpuContext ctx;
        try {
            ctx = GpuContext.create("cuda");
        } finally {
            System.clearProperty("jgpuarray.memory.pool");
        }
        try (ctx; GPUArray x = ctx.zeros(DType.FLOAT32, 1000); GPUArray y = ctx.zeros(DType.FLOAT32, 1000)) {
            log.mark();
            for (int k = 0; k < 10; k++) {
                chain(x, y).close();
            }
            check(log.since("alloc ").size() == 30 && log.since("free ").size() == 30,
                    "an allocation and a free per array: " + log.since("alloc ").size() + ", " + log.since("free ").size());
            check(log.since("alloc ").stream().allMatch(l -> l.endsWith("bytes=4000")), "exact sizes");
        }
    }

    private static GPUArray chain(GPUArray x, GPUArray y) {
        try (GPUArray a = x.mul(2.0); GPUArray b = y.mul(5.0)) {
            return a.add(b);
        }
    }
}
