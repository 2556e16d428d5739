package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenCL prelude gives snippets the C/CUDA meaning of names that OpenCL C spells or types
 * differently: {@code abs} of an int is a signed int, {@code min}/{@code max} take mixed operands, the
 * {@code f}-suffixed math functions exist and convert their argument to float.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("opencl")
class SnippetVocabularyTest {
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
    void absIsSignedAndTypePreserving() {
        try (GPUArray x = ctx.toGpu(new int[] {1, -7, 0}); GPUArray f = ctx.toGpu(new float[] {-1.5f, -0.0f, 2f});
             GPUArray ints = ctx.zeros(DType.FLOAT32, 3); GPUArray floats = ctx.zeros(DType.FLOAT32, 3);
             GPUArray longs = ctx.zeros(DType.INT64, 3)) {
            ctx.elementwiseKernel("int *x, float *f, float *ints, float *floats, long *longs",
                    "ints[i] = abs(x[i]) - 5; floats[i] = abs(f[i]); longs[i] = labs(x[i]) - 5",
                    "abs_kinds").call(x, f, ints, floats, longs);
            assertArrayEquals(new float[] {-4, 2, -5}, ints.toFloatArray(), "abs(int) is an int, as in C");
            assertArrayEquals(new float[] {1.5f, 0f, 2f}, floats.toFloatArray(), "abs(float) is fabs, +0 for -0");
            assertEquals(0, Float.floatToIntBits(floats.toFloatArray()[1]), "positive zero");
            assertArrayEquals(new long[] {-4, 2, -5}, longs.toLongArray());
        }
    }

    @Test
    void minAndMaxTakeMixedOperandsAndIgnoreNaN() {
        float nan = Float.NaN;
        try (GPUArray x = ctx.toGpu(new float[] {1.5f, nan, 7f, nan}); GPUArray y = ctx.toGpu(new float[] {2f, 3f, nan, nan});
             GPUArray lo = ctx.zeros(DType.FLOAT32, 4); GPUArray hi = ctx.zeros(DType.FLOAT32, 4);
             GPUArray mixed = ctx.zeros(DType.FLOAT32, 4)) {
            ctx.elementwiseKernel("float *x, float *y, float *lo, float *hi, float *mixed",
                    "lo[i] = min(x[i], y[i]); hi[i] = max(x[i], y[i]); mixed[i] = max(x[i], 2)", "min_max")
                    .call(x, y, lo, hi, mixed);
            assertArrayEquals(new float[] {1.5f, 3f, 7f, nan}, lo.toFloatArray(), "fminf semantics");
            assertArrayEquals(new float[] {2f, 3f, 7f, nan}, hi.toFloatArray(), "fmaxf semantics");
            assertArrayEquals(new float[] {2f, 2f, 7f, 2f}, mixed.toFloatArray(), "float and int operands");
        }
    }

    @Test
    void floatMathNamesOfC() {
        try (GPUArray x = ctx.toGpu(new float[] {0.25f, 2.5f}); GPUArray out = ctx.zeros(DType.FLOAT32, 2)) {
            ctx.elementwiseKernel("float *x, float *out",
                    "out[i] = expm1f(x[i]) - log1pf(x[i]) + rintf(x[i]) + fdimf(x[i], 1) + fmaf(x[i], 2, 1) "
                            + "+ sqrtf(4) + powf(2, 3) + fabsf(-x[i]) + expf(0) - (float) M_PI + M_PI_F",
                    "c_names").call(x, out);
            float[] got = out.toFloatArray();
            for (int k = 0; k < 2; k++) {
                double v = new double[] {0.25, 2.5}[k];
                double want = Math.expm1(v) - Math.log1p(v) + Math.rint(v) + Math.max(v - 1, 0) + (2 * v + 1)
                        + 2 + 8 + v + 1;
                assertEquals(want, got[k], 1e-5, "x=" + v);
            }
        }
    }
}
