package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A kernel keeps the arguments it was last given and sets only those that change: every call must still
 * see its own buffers and scalars, bit for bit, however the calls alternate.
 */
@Tag("opencl")
class KernelArgumentReuseTest {
    private static final long SEED = 20261207L;

    @Test
    void everyCallSeesItsOwnBuffersAndScalars() {
        OpenClTestDevices.assumeOpenCl();
        SplittableRandom random = new SplittableRandom(SEED);
        float[] xs = values(random, 1000);
        float[] ws = values(random, 1000);
        try (GpuContext ctx = GpuContext.create("opencl"); GPUArray x = ctx.toGpu(xs); GPUArray w = ctx.toGpu(ws);
             GPUArray z1 = ctx.toGpu(poison(1000)); GPUArray z2 = ctx.toGpu(poison(1000))) {
            ElementwiseKernel scale = ctx.elementwiseKernel("float *z, float *x, float a", "z[i] = a * x[i]", "reuse");
            scale.call(z1, x, 2f);
            check("first call", z1, xs, 2f);
            scale.call(z2, x, 2f); // only the output changes
            check("second output", z2, xs, 2f);
            scale.call(z1, x, 3f); // only the scalar changes
            check("changed scalar", z1, xs, 3f);
            scale.call(z1, w, 3f); // only an input changes
            check("changed input", z1, ws, 3f);
            scale.call(z1, x, 3f); // back to an earlier buffer
            check("earlier input again", z1, xs, 3f);
        }
    }

    @Test
    void signedZeroScalarsAreDifferentValues() {
        OpenClTestDevices.assumeOpenCl();
        try (GpuContext ctx = GpuContext.create("opencl"); GPUArray z = ctx.toGpu(poison(3))) {
            ElementwiseKernel inverse = ctx.elementwiseKernel("float *z, float s", "z[i] = 1.0f / s", "reuse_zero");
            inverse.call(z, 0f);
            assertEquals(Float.POSITIVE_INFINITY, z.toFloatArray()[2]);
            inverse.call(z, -0f); // equal as numbers, not as bits
            assertEquals(Float.NEGATIVE_INFINITY, z.toFloatArray()[2]);
        }
    }

    @Test
    void sizesThatChangeBetweenCallsBoundEachCall() {
        OpenClTestDevices.assumeOpenCl();
        SplittableRandom random = new SplittableRandom(SEED);
        try (GpuContext ctx = GpuContext.create("opencl")) {
            ElementwiseKernel scale = ctx.elementwiseKernel("float *z, float *x, float a", "z[i] = a * x[i]",
                    "reuse_sizes");
            for (int n : new int[] {1000, 3, 1, 1000003, 3}) {
                float[] xs = values(random, n);
                try (GPUArray x = ctx.toGpu(xs); GPUArray z = ctx.toGpu(poison(n))) {
                    scale.call(z, x, 0.5f);
                    check("n = " + n, z, xs, 0.5f);
                }
            }
        }
    }

    @Test
    void aBufferBackFromThePoolIsTheNewArraysAndAClosedArrayIsRefused() {
        OpenClTestDevices.assumeOpenCl();
        SplittableRandom random = new SplittableRandom(SEED);
        float[] xs = values(random, 1000);
        try (GpuContext ctx = GpuContext.create("opencl"); GPUArray x = ctx.toGpu(xs)) {
            ElementwiseKernel scale = ctx.elementwiseKernel("float *z, float *x, float a", "z[i] = a * x[i]",
                    "reuse_pool");
            GPUArray first = ctx.toGpu(poison(1000));
            scale.call(first, x, 4f);
            check("first", first, xs, 4f);
            first.close();
            try (GPUArray second = ctx.toGpu(poison(1000))) { // very likely the same block
                scale.call(second, x, 4f);
                check("second", second, xs, 4f);
            }
            assertThrows(IllegalStateException.class, () -> scale.call(first, x, 4f));
        }
    }

    private static void check(String what, GPUArray z, float[] xs, float a) {
        float[] got = z.toFloatArray();
        for (int i = 0; i < xs.length; i++) {
            double expected = (double) a * xs[i];
            if (!(Math.abs(got[i] - expected) <= 1e-6 * Math.abs(expected))) {
                throw new AssertionError(what + ": element " + i + " is " + got[i] + ", expected " + expected
                        + " (seed " + SEED + ")");
            }
        }
    }

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-10, 10);
        }
        return v;
    }

    private static float[] poison(int n) {
        float[] v = new float[n];
        Arrays.fill(v, Float.NaN);
        return v;
    }
}
