package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.LaunchConfig;
import org.jgpuarray.RawKernel;
import org.jgpuarray.SourceModule;
import org.jgpuarray.device.LocalMemory;

/**
 * Raw-kernel launches against the fake driver, which refuses what the real one refuses with
 * CUDA_ERROR_INVALID_VALUE (grid y/z beyond 65535, block z beyond 64, more than 1024 threads, more dynamic
 * shared memory than the function allows) and records each launch's shared bytes: jgpuarray must reject
 * such launches itself, with an IllegalArgumentException naming the size, before the driver sees them, and
 * must pass the dynamic shared size PyCUDA's {@code shared=} asks for, opting in above 48 KiB.
 */
final class FakeLaunchScenarios {
    /** A kernel with dynamic shared memory, as PyCUDA's examples write them. */
    static final String REVERSE = "extern \"C\" __global__ void reverse(float *x)\n"
            + "{\n"
            + "    extern __shared__ float s[];\n"
            + "    s[threadIdx.x] = x[threadIdx.x];\n"
            + "    __syncthreads();\n"
            + "    x[threadIdx.x] = s[blockDim.x - 1 - threadIdx.x];\n"
            + "}\n";

    private final FakeLog log;

    FakeLaunchScenarios(FakeLog log) {
        this.log = log;
    }

    /** Sizes beyond the device's limits never reach the driver; the largest allowed ones do. */
    void limits() {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.FLOAT32, 64);
             SourceModule m = ctx.sourceModule(REVERSE)) {
            RawKernel k = m.function("reverse");
            log.mark();
            tooLarge(k, new long[] {1, 65536}, new long[] {1, 1}, x, "grid", "y");
            tooLarge(k, new long[] {1, 1, 65536}, new long[] {1, 1, 1}, x, "grid", "z");
            tooLarge(k, new long[] {1L << 31}, new long[] {1}, x, "grid", "x");
            tooLarge(k, new long[] {1, 1, 1}, new long[] {1, 1, 65}, x, "block", "z");
            tooLarge(k, new long[] {1}, new long[] {1025}, x, "block", "x");
            IllegalArgumentException threads = expect(IllegalArgumentException.class,
                    () -> k.launch(new long[] {1, 1}, new long[] {32, 33}, x));
            check(threads.getMessage().contains("1056") && threads.getMessage().contains("1024"), threads.getMessage());
            check(log.since("launch").isEmpty(), "nothing reached the driver: " + log.since("launch"));
            k.launch(new long[] {1, 65535, 65535}, new long[] {16, 1, 64}, x);
            log.expectOne("launch", "launch reverse grid=1,65535,65535 block=16,1,64 shared=0 params=buf\\d+\\+0");
        }
    }

    private static void tooLarge(RawKernel k, long[] grid, long[] block, GPUArray x, String what, String dimension) {
        IllegalArgumentException e = expect(IllegalArgumentException.class, () -> k.launch(grid, block, x));
        check(e.getMessage().contains(what) && e.getMessage().contains("dimension " + dimension)
                && e.getMessage().contains("reverse"), e.getMessage());
    }

    /**
     * PyCUDA's {@code shared=}: the bytes reach cuLaunchKernel, LocalMemory arguments add to them, above
     * 48 KiB the function opts in first, and more than the device allows is refused before launching.
     */
    void sharedMemory() {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.FLOAT32, 256);
             SourceModule m = ctx.sourceModule(REVERSE)) {
            RawKernel k = m.function("reverse");
            log.mark();
            k.launch(LaunchConfig.of(new long[] {1}, new long[] {256}).withSharedBytes(1024), x);
            log.expectOne("launch", "launch reverse grid=1,1,1 block=256,1,1 shared=1024 params=buf\\d+\\+0");
            log.mark();
            k.launch(LaunchConfig.of(new long[] {1}, new long[] {256}).withSharedBytes(1024), x, new LocalMemory(512));
            log.expectOne("launch", "launch reverse grid=1,1,1 block=256,1,1 shared=1536 params=buf\\d+\\+0");
            log.mark();
            k.launch(new long[] {1}, new long[] {256}, x, new LocalMemory(64 * 1024));
            log.expectOne("attribute", "attribute reverse max_dynamic_shared=65536");
            log.expectOne("launch", "launch reverse grid=1,1,1 block=256,1,1 shared=65536 params=buf\\d+\\+0");
            check(log.sinceMark().indexOf("attribute") < log.sinceMark().indexOf("launch"), "opt in, then launch");
            log.mark();
            k.launch(LaunchConfig.of(new long[] {1}, new long[] {256}).withSharedBytes(48 * 1024), x);
            check(log.since("attribute").isEmpty(), "the opt-in is kept: " + log.sinceMark());
            IllegalArgumentException tooMuch = expect(IllegalArgumentException.class, () -> k.launch(
                    LaunchConfig.of(new long[] {1}, new long[] {256}).withSharedBytes(228 * 1024), x));
            check(tooMuch.getMessage().contains("233472") && tooMuch.getMessage().contains("232448"),
                    tooMuch.getMessage());
            check(log.since("launch").size() == 1, "the refused launch never reached the driver: "
                    + log.since("launch"));
        }
    }

    /** Every launch of the generated kernels carries the shared bytes the driver got: none dynamic. */
    void generatedKernelsUseStaticShared() {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.FLOAT32, 1000)) {
            log.mark();
            x.sum().item();
            List<String> launches = log.since("launch");
            check(!launches.isEmpty() && launches.stream().allMatch(l -> l.contains(" shared=0 ")), launches.toString());
        }
    }
}
