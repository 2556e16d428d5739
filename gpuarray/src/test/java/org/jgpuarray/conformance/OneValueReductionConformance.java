package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.ReductionKernel;
import org.junit.jupiter.api.Test;

/**
 * Reductions of a whole array to one value at sizes around the edges of each backend's split of the input (on
 * CPU OpenCL devices: one work-group or several, chunks of at least 1024 elements per work-item, runs of 64
 * combined pairwise, work-items left with a short chunk or none): float32 and float64 sums, dot, max, min, prod
 * and argmax against float64 references on the host, user kernels whose map reads the position {@code i} (each
 * position counted exactly once) or a bool array, NaN propagation from a chunk's first and last element. Before
 * every size the device's scratch partials are poisoned with NaN by the sum of an all-NaN array, so that a
 * partial a kernel fails to write shows. Seeds are printed with every failure.
 */
public abstract class OneValueReductionConformance extends ConformanceBase {
    /** Sizes: tiny, one block of 256 x 16 and either side, several groups, chunk and group-count edges. */
    private static final int[] SIZES = {0, 1, 3, 63, 64, 65, 4095, 4096, 4097, 8191, 65537, 262143, 262144,
        262145, 1000003, 2097151, 2097152, 2097153, 2228225, 3145735};
    /** Elements of the all-NaN array whose sum leaves NaN in the scratch partials. */
    private static final int POISON = 1 << 22;

    private GPUArray poison;

    private void poisonScratch() {
        if (poison == null) {
            float[] nan = new float[POISON];
            Arrays.fill(nan, Float.NaN);
            poison = ctx.toGpu(nan);
        }
        try (GPUArray s = poison.sum()) {
            assertTrue(Double.isNaN(s.item()), "the sum of NaNs is NaN");
        }
    }

    @Test
    void float32SumDotMaxMinAroundTheSplits() {
        try {
            for (int n : SIZES) {
                long seed = "f32".hashCode() * 31L + n;
                Random r = new Random(seed);
                float[] x = floats(r, n, -1, 1);
                float[] y = floats(r, n, -1, 1);
                double sum = 0;
                double abs = 0;
                double dot = 0;
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    sum += x[k];
                    abs += Math.abs(x[k]);
                    dot += (double) x[k] * y[k];
                    max = Math.max(max, x[k]);
                    min = Math.min(min, x[k]);
                }
                String what = " n=" + n + " (seed " + seed + ")";
                // a pairwise float32 sum errs by a few ulps of the sum of |x| times log2 n
                double tolerance = 1e-6 * abs + 1e-7;
                poisonScratch();
                try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y)) {
                    assertEquals(sum, gx.sum().item(), tolerance, "sum" + what);
                    assertEquals(dot, gx.dot(gy).item(), tolerance, "dot" + what);
                    if (n > 0) {
                        assertEquals(max, gx.max().item(), 0, "max" + what);
                        assertEquals(min, gx.min().item(), 0, "min" + what);
                    }
                }
            }
        } finally {
            closePoison();
        }
    }

    @Test
    void float64SumAndProdAroundTheSplits() {
        assumeFp64();
        try {
            for (int n : SIZES) {
                long seed = "f64".hashCode() * 31L + n;
                Random r = new Random(seed);
                double[] x = doubles(r, n, -1, 1);
                double[] near1 = doubles(r, n, 1 - 1e-6, 1 + 1e-6);
                double abs = 0;
                double logProd = 0;
                for (int k = 0; k < n; k++) {
                    abs += Math.abs(x[k]);
                    logProd += Math.log(near1[k]);
                }
                String what = " n=" + n + " (seed " + seed + ")";
                poisonScratch();
                try (GPUArray gx = ctx.toGpu(x); GPUArray gp = ctx.toGpu(near1)) {
                    assertEquals(compensatedSum(x), gx.sum().item(), 1e-14 * abs + 1e-15, "sum" + what);
                    assertEquals(Math.exp(logProd), gp.prod().item(), 1e-9, "prod" + what);
                }
            }
        } finally {
            closePoison();
        }
    }

    @Test
    void userKernelsCountEachPositionOnce() {
        ReductionKernel positions = ctx.reductionKernel(DType.INT64, "0", "a + b", "(long) i + (long) x[i]",
                "const int *x");
        ReductionKernel weighted = ctx.reductionKernel(DType.INT64, "0", "a + b", "(long) x[i] * (i % 7 + 1)",
                "const int *x");
        ReductionKernel last = ctx.reductionKernel(DType.INT64, "-1", "a > b ? a : b", "x[i] >= 0 ? (long) i : -1L",
                "const int *x");
        ReductionKernel count = ctx.reductionKernel(DType.INT64, "0", "a + b", "m[i] ? 1L : 0L", "const bool *m");
        try {
            for (int n : SIZES) {
                long seed = "positions".hashCode() * 31L + n;
                int[] x = ints(new Random(seed), n, -1000, 1000);
                long sum = 0;
                long weightedSum = 0;
                long lastNonNegative = -1;
                long nonNegative = 0;
                boolean[] mask = new boolean[n];
                for (int k = 0; k < n; k++) {
                    mask[k] = x[k] >= 0;
                    nonNegative += mask[k] ? 1 : 0;
                    sum += k + (long) x[k];
                    weightedSum += (long) x[k] * (k % 7 + 1);
                    if (x[k] >= 0) {
                        lastNonNegative = k;
                    }
                }
                String what = " n=" + n + " (seed " + seed + ")";
                poisonScratch();
                try (GPUArray g = ctx.toGpu(x); GPUArray m = ctx.toGpu(mask)) {
                    assertEquals(nonNegative, count.call(m).toLongArray()[0], "count of a bool mask" + what);
                    assertEquals(sum, positions.call(g).toLongArray()[0], "sum of i + x[i]" + what);
                    assertEquals(weightedSum, weighted.call(g).toLongArray()[0], "weighted sum" + what);
                    assertEquals(lastNonNegative, last.call(g).toLongArray()[0], "last i with x[i] >= 0" + what);
                }
            }
        } finally {
            closePoison();
        }
    }

    @Test
    void nanAtAChunkEdgePropagatesAndArgmaxFindsTheFirstMaximum() {
        int n = 2097153;
        long seed = "edges".hashCode();
        float[] x = floats(new Random(seed), n, 0, 1);
        for (int at : new int[] {0, 1023, 1024, 1025, 4096, n / 2, n - 1}) {
            float[] y = x.clone();
            y[at] = 2;
            y[n - 1 - at / 2] = 2;
            int first = Math.min(at, n - 1 - at / 2);
            try (GPUArray g = ctx.toGpu(y)) {
                assertEquals(first, g.argmax().toLongArray()[0], "argmax with 2 at " + at + " (seed " + seed + ")");
                assertEquals(2.0, g.max().item(), 0, "max with 2 at " + at);
            }
            y[at] = Float.NaN;
            try (GPUArray g = ctx.toGpu(y)) {
                assertTrue(Double.isNaN(g.sum().item()), "sum with NaN at " + at);
                assertTrue(Double.isNaN(g.max().item()), "max with NaN at " + at);
                assertTrue(Double.isNaN(g.min().item()), "min with NaN at " + at);
            }
        }
    }

    private void closePoison() {
        if (poison != null) {
            poison.close();
            poison = null;
        }
    }

    /** Neumaier's compensated sum: the float64 reference for float64 inputs. */
    private static double compensatedSum(double[] x) {
        double sum = 0;
        double carry = 0;
        for (double v : x) {
            double t = sum + v;
            carry += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + carry;
    }
}
