package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.PinnedArray;
import org.jgpuarray.cuda.CudaFeatures;

/**
 * The core's pinned memory ({@code ctx.pinnedHost}, {@code setAsync}, {@code getAsync}) on the CUDA driver, as
 * the fake driver logs it: a pinned array is one {@code cuMemHostAlloc}, its copies are the Async entry points
 * from and into it, values round-trip, and closing frees it with {@code cuMemFreeHost}.
 */
final class FakePinnedApiScenarios {
    private final FakeLog log;

    FakePinnedApiScenarios(FakeLog log) {
        this.log = log;
    }

    /** setAsync and getAsync of a pinned array reach cuMemcpyHtoDAsync and cuMemcpyDtoHAsync. */
    void pinnedArraysCopyAsynchronously() {
        long seed = System.nanoTime();
        float[] values = new float[1003];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.empty(DType.FLOAT32, 1003)) {
            CudaFeatures cuda = ctx.unwrap(CudaFeatures.class).orElseThrow();
            int before = cuda.livePinnedBlocks();
            log.mark();
            try (PinnedArray in = ctx.pinnedHost(DType.FLOAT32, 1003); PinnedArray out = ctx.pinnedHost(DType.FLOAT32, 1003)) {
                List<String> allocs = log.since("host alloc");
                check(allocs.size() == 2 && allocs.stream().allMatch(l -> l.matches("host alloc id=\\d+ bytes=4012 flags=1")),
                        "two portable pinned blocks: " + log.sinceMark());
                check(cuda.livePinnedBlocks() == before + 2, "counted: " + cuda.livePinnedBlocks());
                in.set(values);
                float[] poison = new float[1003];
                Arrays.fill(poison, Float.NaN);
                out.set(poison);
                log.mark();
                x.setAsync(in);
                x.getAsync(out);
                ctx.synchronize();
                check(log.since("write async").size() == 1 && log.since("write async").get(0)
                        .matches("write async buf\\d+\\+0 <- pinned\\d+\\+0 bytes=4012 stream=\\d+"),
                        "setAsync from the pinned block: " + log.sinceMark());
                check(log.since("read async").size() == 1 && log.since("read async").get(0)
                        .matches("read async pinned\\d+\\+0 <- buf\\d+\\+0 bytes=4012 stream=\\d+"),
                        "getAsync into the pinned block: " + log.sinceMark());
                check(log.since("write ").size() == 1 && log.since("read ").size() == 1, "no synchronous copy: "
                        + log.sinceMark());
                check(Arrays.equals(values, out.toFloatArray()), "round trip (seed " + seed + ")");
                log.mark();
            }
            check(log.since("host free").size() == 2, "closing frees both: " + log.sinceMark());
            check(cuda.livePinnedBlocks() == before, "none left: " + cuda.livePinnedBlocks());
        }
    }
}
