package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.ReductionKernel;
import org.junit.jupiter.api.Test;

/** Built-in reductions and user map-reduce kernels. */
public abstract class ReductionConformance extends ConformanceBase {

    @Test
    void recipeDotProductOfArange() {
        ReductionKernel dot = ctx.reductionKernel(DType.INT32, "0", "a+b", "x[i]*y[i]", "int *x, int *y");
        try (GPUArray x = ctx.arange(DType.INT32, 400); GPUArray y = ctx.arange(DType.INT32, 400);
             GPUArray r = dot.call(x, y)) {
            assertEquals(0, r.ndim(), "a reduction returns a 0-d array");
            assertEquals(21253400L, r.toLongArray()[0]);
        }
    }

    @Test
    void sumDotMeanMaxMinAtEverySize() {
        for (int n : SIZES) {
            Random r = random("reductions", n);
            float[] x = floats(r, n, -1, 1);
            float[] y = floats(r, n, -1, 1);
            double sum = 0;
            double dot = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                sum += x[k];
                dot += (double) x[k] * y[k];
                max = Math.max(max, x[k]);
                min = Math.min(min, x[k]);
            }
            // float32 accumulation: error grows with n; sum of |x| bounds the scale
            double tolerance = 1e-6 * n + 1e-6;
            try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y)) {
                assertEquals(sum, gx.sum().item(), tolerance, "sum n=" + n);
                assertEquals(DType.FLOAT32, gx.sum().dtype());
                assertEquals(dot, gx.dot(gy).item(), tolerance, "dot n=" + n);
                if (n > 0) {
                    assertEquals(max, gx.max().item(), 0, "max n=" + n);
                    assertEquals(min, gx.min().item(), 0, "min n=" + n);
                    assertEquals(sum / n, gx.mean().item(), tolerance / n + 1e-6, "mean n=" + n);
                } else {
                    assertTrue(Double.isNaN(gx.mean().item()), "mean of nothing is NaN");
                }
            }
        }
    }

    @Test
    void integerSumsInInt64() {
        for (int n : SIZES) {
            int[] x = ints(random("isum", n), n, Integer.MAX_VALUE - 1000, Integer.MAX_VALUE);
            long expected = 0;
            for (int v : x) {
                expected += v;
            }
            try (GPUArray g = ctx.toGpu(x); GPUArray s = g.sum()) {
                assertEquals(DType.INT64, s.dtype(), "NumPy sums int32 in int64");
                assertEquals(expected, s.toLongArray()[0], "n=" + n);
            }
        }
    }

    @Test
    void emptyAndNaN() {
        try (GPUArray empty = ctx.empty(DType.FLOAT32, 0)) {
            assertEquals(0.0, empty.sum().item());
            assertThrows(IllegalArgumentException.class, empty::max, "max of nothing has no identity");
        }
        try (GPUArray x = ctx.toGpu(new float[] {1, Float.NaN, 3})) {
            assertTrue(Double.isNaN(x.max().item()), "NaN propagates through max");
            assertTrue(Double.isNaN(x.min().item()), "NaN propagates through min");
            assertTrue(Double.isNaN(x.sum().item()), "NaN propagates through sum");
        }
        float[] many = floats(random("nan", 1000003), 1000003, 0, 1);
        many[777777] = Float.NaN;
        try (GPUArray x = ctx.toGpu(many)) {
            assertTrue(Double.isNaN(x.max().item()), "one NaN among a million");
        }
    }

    @Test
    void customNeutralAndReduce() {
        for (int n : new int[] {1, 3, 1000, 1000003}) {
            Random r = random("custom", n);
            float[] x = floats(r, n, -50, 50);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            double absSum = 0;
            for (float v : x) {
                max = Math.max(max, v);
                min = Math.min(min, v);
                absSum += Math.abs(v);
            }
            try (GPUArray g = ctx.toGpu(x)) {
                assertEquals(max, ctx.reductionKernel(DType.FLOAT32, "-INFINITY", "fmaxf(a, b)", "x[i]", "float *x")
                        .call(g).item(), 0, "max n=" + n);
                assertEquals(min, ctx.reductionKernel(DType.FLOAT32, "INFINITY", "min(a, b)", "x[i]", "float *x")
                        .call(g).item(), 0, "min n=" + n);
                assertEquals(absSum, ctx.reductionKernel(DType.FLOAT32, "0", "a+b", "fabs(x[i])", "float *x")
                        .call(g).item(), absSum * 1e-5, "sum of |x| n=" + n);
            }
        }
    }

    @Test
    void productWithScalarArgumentAndPreamble() {
        int n = 1000;
        double[] x = new double[n];
        Random r = random("product", n);
        double expected = 1;
        for (int k = 0; k < n; k++) {
            x[k] = 1 + (r.nextDouble() - 0.5) * 0.01;
            expected *= x[k] * 1.001;
        }
        assumeFp64();
        ReductionKernel product = ctx.reductionKernelBuilder(DType.FLOAT64, "1", "a*b", "scaled(x[i], s)",
                "double *x, double s").preamble("double scaled(double v, double by) { return v * by; }").build();
        try (GPUArray g = ctx.toGpu(x)) {
            assertClose(expected, product.call(g, 1.001).item(), 1e-12, "product");
        }
    }

    @Test
    void int64MaxAndMinOfLargeValues() {
        long[] x = longs(random("lmax", 1000003), 1000003, -(1L << 60), 1L << 60);
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (long v : x) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        try (GPUArray g = ctx.toGpu(x)) {
            assertEquals(max, g.max().toLongArray()[0]);
            assertEquals(min, g.min().toLongArray()[0]);
        }
    }

    /**
     * Long float32 sums keep the accuracy of a tree reduction on every backend: the CPU backend sums
     * blocks pairwise, as NumPy does, instead of running four accumulators over millions of elements.
     */
    @Test
    void longFloat32SumsStayAccurate() {
        float tenth = 0.1f;
        for (int n : new int[] {10_000_000, 30_000_000}) {
            double exact = (double) tenth * n;
            try (GPUArray x = ctx.full(DType.FLOAT32, tenth, n)) {
                assertRelative(exact, x.sum().item(), "sum of " + n + " x 0.1f");
                if (n == 10_000_000) {
                    assertRelative(tenth, x.mean().item(), "mean");
                    assertRelative((double) tenth * tenth * n, x.dot(x).item(), "dot");
                    ReductionKernel user = ctx.reductionKernel(DType.FLOAT32, "0", "a + b", "2 * x[i]", "float *x");
                    assertRelative(2 * exact, user.call(x).item(), "user reduction");
                }
            }
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        double error = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= 1e-6, what + ": " + actual + " vs " + expected + ", relative error " + error);
    }
}
