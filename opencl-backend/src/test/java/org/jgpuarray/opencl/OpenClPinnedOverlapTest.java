package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.GpuStream;
import org.jgpuarray.PinnedArray;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous copy from pinned memory on one stream while a kernel runs on another (two OpenCL command
 * queues): both results are right with both in flight. Also prints the wall time of each alone and of both
 * together, the best of a few runs each (PoCL on a CPU overlaps them only as far as its worker threads and the
 * cores allow). Speed is reported, never asserted.
 */
@Tag("opencl")
class OpenClPinnedOverlapTest {
    private static final int COPIED = 1 << 24;
    private static final int COMPUTED = 1 << 18;
    private static final int STEPS = 80;
    private static final int RUNS = 5;

    @Test
    void aCopyOnOneStreamAndAKernelOnAnotherAreBothRight() {
        BackendProbe probe = GpuContext.probeBackends().stream().filter(p -> p.backend().equals("opencl"))
                .findFirst().orElse(BackendProbe.unavailable("opencl", "not on the class path"));
        assumeTrue(probe.available(), () -> "OpenCL unavailable: " + probe.reason());
        long seed = 12;
        Random random = new Random(seed);
        float[] copied = new float[COPIED];
        for (int k = 0; k < COPIED; k++) {
            copied[k] = random.nextFloat();
        }
        float[] x = new float[COMPUTED];
        for (int k = 0; k < COMPUTED; k++) {
            x[k] = random.nextFloat();
        }
        double[] expected = new double[COMPUTED];
        for (int k = 0; k < COMPUTED; k++) {
            double v = x[k];
            for (int s = 0; s < STEPS; s++) {
                v = v * 0.999 + 0.001;
            }
            expected[k] = v;
        }
        try (GpuContext ctx = GpuContext.create("opencl");
             GpuStream transfers = ctx.newStream(); GpuStream compute = ctx.newStream();
             PinnedArray in = ctx.pinnedHost(DType.FLOAT32, COPIED).set(copied);
             GPUArray target = ctx.full(DType.FLOAT32, -7777, COPIED);
             GPUArray source = ctx.toGpu(x); GPUArray result = ctx.full(DType.FLOAT32, -7777, COMPUTED)) {
            ElementwiseKernel relax = ctx.elementwiseKernel("float *x, float *y",
                    "float v = x[i]; for (int s = 0; s < " + STEPS + "; s++) { v = v * 0.999f + 0.001f; } y[i] = v;",
                    "pinned_overlap_relax");
            relax.call(source, result); // compiled and warmed up
            target.setAsync(in);
            ctx.synchronize();

            long copyAlone = bestOf(RUNS, () -> {
                try (GpuStream.Scope s = transfers.use()) {
                    target.setAsync(in);
                }
                transfers.synchronize();
            });
            long kernelAlone = bestOf(RUNS, () -> {
                try (GpuStream.Scope s = compute.use()) {
                    relax.call(source, result);
                }
                compute.synchronize();
            });
            target.fill(-7777);
            result.fill(-7777);
            ctx.synchronize();
            long together = bestOf(RUNS, () -> {
                try (GpuStream.Scope s = transfers.use()) {
                    target.setAsync(in);
                }
                try (GpuStream.Scope s = compute.use()) {
                    relax.call(source, result);
                }
                ctx.synchronize();
            });
            System.out.printf("pinned overlap on %s: copy of %d MiB alone %.2f ms, kernel alone %.2f ms,"
                    + " both on two streams %.2f ms (sum %.2f ms)%n", ctx.device().name(), COPIED * 4L >> 20,
                    copyAlone / 1e6, kernelAlone / 1e6, together / 1e6, (copyAlone + kernelAlone) / 1e6);
            assertArrayEquals(copied, target.toFloatArray(), "the copied array (seed " + seed + ")");
            float[] got = result.toFloatArray();
            for (int k = 0; k < COMPUTED; k++) {
                if (Math.abs(got[k] - expected[k]) > 1e-4 * Math.abs(expected[k]) + 1e-5) {
                    fail("kernel element " + k + " is " + got[k] + ", expected " + expected[k] + " (seed " + seed + ")");
                }
            }
            assertEquals(COMPUTED, got.length);
        }
    }

    private static long bestOf(int runs, Runnable work) {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
