package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.LaunchConfig;
import org.jgpuarray.device.LocalMemory;
import org.jgpuarray.RawKernel;
import org.jgpuarray.SourceModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The PyOpenCL cookbook's raw-program recipes through {@code GpuContext.sourceModule}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("opencl")
class RawProgramTest {
    private static final String VECTOR_SUM = """
            __kernel void sum(__global const float *a_g, __global const float *b_g, __global float *res_g)
            {
                int gid = get_global_id(0);
                res_g[gid] = a_g[gid] + b_g[gid];
            }
            """;

    /** Each work-group sums its slice in local memory; the host adds the group sums. */
    private static final String GROUP_SUMS = """
            __kernel void group_sums(__global const float *x, __global float *sums, __local float *scratch, int n)
            {
                int lid = get_local_id(0);
                int gid = get_global_id(0);
                scratch[lid] = gid < n ? x[gid] : 0.0f;
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
                    if (lid < s) {
                        scratch[lid] += scratch[lid + s];
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                if (lid == 0) {
                    sums[get_group_id(0)] = scratch[0];
                }
            }
            """;

    private static final String SCALARS = """
            __kernel void scalars(__global double *out, float f, double d, int i, long l, short s, char c)
            {
                out[0] = f; out[1] = d; out[2] = i; out[3] = l; out[4] = s; out[5] = c;
            }
            """;

    private GpuContext ctx;

    @BeforeAll
    void open() {
        OpenClTestDevices.assumeOpenCl();
        ctx = GpuContext.create("opencl");
    }

    @AfterAll
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void cookbookVectorSum() {
        int n = 50000;
        Random r = new Random(7);
        float[] a = new float[n];
        float[] b = new float[n];
        float[] expected = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = r.nextFloat();
            b[k] = r.nextFloat();
            expected[k] = a[k] + b[k];
        }
        try (SourceModule program = ctx.sourceModule(VECTOR_SUM); GPUArray ga = ctx.toGpu(a);
             GPUArray gb = ctx.toGpu(b); GPUArray res = ctx.full(DType.FLOAT32, Float.NaN, n)) {
            RawKernel sum = program.function("sum");
            assertEquals("sum", sum.name());
            sum.launchGlobal(new long[] {n}, new long[] {50}, ga, gb, res);
            assertArrayEquals(expected, res.toFloatArray());
        }
    }

    @Test
    void localMemoryArgument() {
        int n = 1000;
        int local = 64;
        int groups = (n + local - 1) / local;
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = k % 10;
        }
        try (SourceModule program = ctx.sourceModule(GROUP_SUMS); GPUArray gx = ctx.toGpu(x);
             GPUArray sums = ctx.zeros(DType.FLOAT32, groups)) {
            program.function("group_sums").launch(new long[] {groups}, new long[] {local}, gx, sums,
                    new LocalMemory(local * Float.BYTES), n);
            float[] partial = sums.toFloatArray();
            for (int g = 0; g < groups; g++) {
                float want = 0;
                for (int k = g * local; k < Math.min(n, (g + 1) * local); k++) {
                    want += x[k];
                }
                assertEquals(want, partial[g], 0, "group " + g);
            }
        }
    }

    @Test
    void everyScalarTypeIsPassedAsItsCType() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ctx.device().fp64(), "needs fp64");
        try (SourceModule program = ctx.sourceModule(SCALARS); GPUArray out = ctx.zeros(DType.FLOAT64, 6)) {
            program.function("scalars").launch(new long[] {1}, new long[] {1}, out, 1.5f, 2.25, -3, 1L << 40,
                    (short) -7, (byte) 100);
            assertArrayEquals(new double[] {1.5, 2.25, -3, 1L << 40, -7, 100}, out.toDoubleArray());
        }
    }

    @Test
    void optionsReachTheCompiler() {
        String source = "__kernel void scale(__global float *x) { x[get_global_id(0)] *= FACTOR; }";
        try (SourceModule program = ctx.sourceModule(source, "-DFACTOR=3.0f");
             GPUArray x = ctx.toGpu(new float[] {1, 2, 3, 4})) {
            program.function("scale").launch(new long[] {2}, new long[] {2}, x);
            assertArrayEquals(new float[] {3, 6, 9, 12}, x.toFloatArray());
        }
    }

    @Test
    void mistakesAreClearExceptions() {
        try (SourceModule program = ctx.sourceModule(VECTOR_SUM); GPUArray x = ctx.zeros(DType.FLOAT32, 4)) {
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> program.function("product"));
            assertTrue(missing.getMessage().contains("product"), missing.getMessage());
            IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                    () -> program.function("sum").launch(new long[] {1}, new long[] {4}, x));
            assertTrue(tooFew.getMessage().contains("takes 3 arguments, got 1"), tooFew.getMessage());
            IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                    () -> program.function("sum").launch(new long[] {1}, new long[] {4}, x, x, "x"));
            assertTrue(wrongKind.getMessage().contains("argument 3"), wrongKind.getMessage());
            IllegalArgumentException badSize = assertThrows(IllegalArgumentException.class,
                    () -> program.function("sum").launch(new long[] {1}, new long[] {1 << 20}, x, x, x));
            assertTrue(badSize.getMessage().contains("block [1048576, 1, 1] is outside the device's limits"),
                    "checked before the driver sees it: " + badSize.getMessage());
            IllegalArgumentException shared = assertThrows(IllegalArgumentException.class, () -> program.function("sum")
                    .launch(LaunchConfig.of(new long[] {1}, new long[] {4}).withSharedBytes(64), x, x, x));
            assertTrue(shared.getMessage().contains("LocalMemory"), "OpenCL takes LocalMemory arguments instead: "
                    + shared.getMessage());
        }
    }

    @Test
    void theCompatibilityPreludeIsOptional() {
        String source = org.jgpuarray.kernels.c.CSourceGenerator.prelude(org.jgpuarray.kernels.Dialect.OPENCL)
                + "__kernel void ex(__global float *x) { int k = get_global_id(0); x[k] = expf(x[k]) + fminf(1.0f, 2.0f); }";
        try (SourceModule program = ctx.sourceModule(source); GPUArray x = ctx.zeros(DType.FLOAT32, 2)) {
            program.function("ex").launch(new long[] {1}, new long[] {2}, x);
            assertArrayEquals(new float[] {2, 2}, x.toFloatArray());
        }
    }
}
