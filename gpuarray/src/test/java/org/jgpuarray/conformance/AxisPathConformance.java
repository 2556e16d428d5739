package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.ReductionKernel;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reductions over the first and the last axis of matrices, large enough (about 4 MiB) to take each backend's
 * split paths (the CPU's ranges of rows combined in order, the one-work-item-per-output shapes of CPU OpenCL
 * devices) and small and empty ones that do not: float32 sums of random numbers against float64 sums on the
 * host, maxima and argmax exactly, on contiguous, transposed and negative-step views, with keepdims; float64 and
 * int32 sums; NaN propagation; a user reduction kernel whose map uses the position {@code i}, written into an
 * output poisoned with NaN. Seeds are printed with every failure.
 */
public abstract class AxisPathConformance extends ConformanceBase {
    private static final long[][] SHAPES = {{1, 1}, {0, 5}, {5, 0}, {1000, 3}, {3, 1000}, {257, 1031},
        {1031, 1029}};
    /** Relative error allowed of a float32 sum of positive numbers (float64 reference). */
    private static final double FLOAT_RTOL = 2e-5;

    /** How the matrix is laid out in memory. */
    private enum View {
        CONTIGUOUS, TRANSPOSED, NEGATIVE_STEP
    }

    /** A float32 matrix of the shape as {@code view}, and its values row by row on the host. */
    private record Matrix(GPUArray base, GPUArray array, double[] host, int rows, int cols) implements AutoCloseable {
        double at(int r, int c) {
            return host[r * cols + c];
        }

        @Override
        public void close() {
            array.close();
            base.close();
        }
    }

    private Matrix matrix(int rows, int cols, View view, Random r) {
        double[] host = new double[rows * cols];
        float[] base;
        GPUArray b;
        GPUArray a;
        switch (view) {
            case CONTIGUOUS -> {
                base = new float[rows * cols];
                for (int k = 0; k < base.length; k++) {
                    base[k] = 0.5f + r.nextFloat();
                    host[k] = base[k];
                }
                b = ctx.toGpu(base, rows, cols);
                a = b.reshape(rows, cols);
            }
            case TRANSPOSED -> {
                base = new float[rows * cols];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        base[j * rows + i] = 0.5f + r.nextFloat();
                        host[i * cols + j] = base[j * rows + i];
                    }
                }
                b = ctx.toGpu(base, cols, rows);
                a = b.T();
            }
            default -> {
                base = new float[rows * 2 * cols];
                for (int k = 0; k < base.length; k++) {
                    base[k] = 0.5f + r.nextFloat();
                }
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        host[i * cols + j] = base[(rows - 1 - i) * 2 * cols + 2 * cols - 1 - 2 * j];
                    }
                }
                b = ctx.toGpu(base, rows, 2L * cols);
                a = b.get("::-1, ::-2");
            }
        }
        return new Matrix(b, a, host, rows, cols);
    }

    /** The host reduction of every output along {@code axis}: sum, max, or the first index of the max. */
    private static double[] host(Matrix m, int axis, String op) {
        int outputs = axis == 0 ? m.cols : m.rows;
        int count = axis == 0 ? m.rows : m.cols;
        double[] out = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int k = 0; k < count; k++) {
                double v = axis == 0 ? m.at(k, o) : m.at(o, k);
                sum += v;
                if (v > max) {
                    max = v;
                    arg = k;
                }
            }
            out[o] = op.equals("sum") ? sum : op.equals("max") ? max : arg;
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> float32SumsMaximaAndArgmaxAlongEachAxis() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long[] shape : SHAPES) {
            for (View view : View.values()) {
                tests.add(DynamicTest.dynamicTest(Arrays.toString(shape) + " " + view, () -> checkFloat32(shape, view)));
            }
        }
        return tests.stream();
    }

    private void checkFloat32(long[] shape, View view) {
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        long seed = Arrays.hashCode(shape) * 31L + view.ordinal();
        try (Matrix m = matrix(rows, cols, view, new Random(seed))) {
            for (int axis = 0; axis < 2; axis++) {
                String what = "float32 " + Arrays.toString(shape) + " " + view + " along " + axis + " (seed " + seed + ")";
                try (GPUArray sum = m.array.sum(axis); GPUArray kept = m.array.sum(true, axis)) {
                    assertClose(host(m, axis, "sum"), sum.toFloatArray(), FLOAT_RTOL, 0, "sum of " + what);
                    long[] keptShape = axis == 0 ? new long[] {1, cols} : new long[] {rows, 1};
                    assertArrayEquals(keptShape, kept.shape(), "keepdims shape of " + what);
                    assertArrayEquals(sum.toFloatArray(), kept.toFloatArray(), "keepdims values of " + what);
                }
                if ((axis == 0 ? rows : cols) == 0) {
                    continue; // max and argmax refuse an empty axis (AxisReductionConformance checks how)
                }
                try (GPUArray max = m.array.max(axis); GPUArray arg = m.array.argmax(axis)) {
                    assertClose(host(m, axis, "max"), max.toFloatArray(), 0, 0, "max of " + what);
                    double[] args = host(m, axis, "argmax");
                    long[] got = arg.toLongArray();
                    for (int o = 0; o < args.length; o++) {
                        assertEquals((long) args[o], got[o], "argmax " + o + " of " + what);
                    }
                }
            }
        }
    }

    @Test
    void float64AndInt32SumsAlongEachAxis() {
        int rows = 1031;
        int cols = 517;
        long seed = 41;
        Random r = new Random(seed);
        double[] d = new double[rows * cols];
        int[] n = new int[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = r.nextDouble() - 0.5;
            n[k] = r.nextInt(2001) - 1000;
        }
        try (GPUArray ints = ctx.toGpu(n, rows, cols)) {
            for (int axis = 0; axis < 2; axis++) {
                try (GPUArray sum = ints.sum(axis)) {
                    assertEquals(DType.INT64, sum.dtype());
                    long[] got = sum.toLongArray();
                    for (int o = 0; o < got.length; o++) {
                        long expected = 0;
                        for (int k = 0; k < (axis == 0 ? rows : cols); k++) {
                            expected += axis == 0 ? n[k * cols + o] : n[o * cols + k];
                        }
                        assertEquals(expected, got[o], "int32 sum " + o + " along " + axis + " (seed " + seed + ")");
                    }
                }
            }
        }
        assumeFp64();
        try (GPUArray doubles = ctx.toGpu(d, rows, cols)) {
            for (int axis = 0; axis < 2; axis++) {
                try (GPUArray sum = doubles.sum(axis)) {
                    double[] got = sum.toDoubleArray();
                    for (int o = 0; o < got.length; o++) {
                        double expected = 0;
                        for (int k = 0; k < (axis == 0 ? rows : cols); k++) {
                            expected += axis == 0 ? d[k * cols + o] : d[o * cols + k];
                        }
                        assertEquals(expected, got[o], 1e-12, "float64 sum " + o + " along " + axis + " (seed " + seed + ")");
                    }
                }
            }
        }
    }

    @Test
    void nanReachesExactlyItsColumnAndRow() {
        int rows = 1031;
        int cols = 1029;
        long seed = 43;
        Random r = new Random(seed);
        float[] x = new float[rows * cols];
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextFloat();
        }
        int[][] nans = {{0, 0}, {700, 5}, {1030, 1028}, {3, 600}, {900, 600}};
        for (int[] p : nans) {
            x[p[0] * cols + p[1]] = Float.NaN;
        }
        try (GPUArray a = ctx.toGpu(x, rows, cols); GPUArray s0 = a.sum(0); GPUArray s1 = a.sum(1);
             GPUArray m0 = a.max(0); GPUArray g0 = a.argmax(0)) {
            float[] sums0 = s0.toFloatArray();
            float[] sums1 = s1.toFloatArray();
            float[] max0 = m0.toFloatArray();
            long[] arg0 = g0.toLongArray();
            for (int c = 0; c < cols; c++) {
                int first = -1;
                for (int[] p : nans) {
                    if (p[1] == c && (first < 0 || p[0] < first)) {
                        first = p[0];
                    }
                }
                String what = "column " + c + " (seed " + seed + ")";
                assertEquals(first >= 0, Float.isNaN(sums0[c]), "sum of " + what);
                assertEquals(first >= 0, Float.isNaN(max0[c]), "max of " + what);
                if (first >= 0) {
                    assertEquals(first, arg0[c], "argmax of " + what + " is its first NaN");
                }
            }
            for (int row = 0; row < rows; row++) {
                boolean hit = false;
                for (int[] p : nans) {
                    hit |= p[0] == row;
                }
                assertEquals(hit, Float.isNaN(sums1[row]), "sum of row " + row + " (seed " + seed + ")");
            }
        }
    }

    @Test
    void userKernelSeesPositionsAndWritesEveryOutputOfAPoisonedOut() {
        int rows = 1031;
        int cols = 1029;
        long seed = 47;
        Random r = new Random(seed);
        float[] x = new float[rows * cols];
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextInt(9) - 4;
        }
        ReductionKernel weighted = ctx.reductionKernel(DType.FLOAT32, "0", "a + b", "x[i] * (float) (i % 3 + 1)",
                "const float *x");
        for (int axis = 0; axis < 2; axis++) {
            int outputs = axis == 0 ? cols : rows;
            int count = axis == 0 ? rows : cols;
            float[] poison = new float[outputs];
            Arrays.fill(poison, Float.NaN);
            try (GPUArray a = ctx.toGpu(x, rows, cols); GPUArray out = ctx.toGpu(poison)) {
                GPUArray result = weighted.callAlong(out, new int[] {axis}, false, a);
                assertTrue(result == out, "callAlong returns out");
                float[] got = out.toFloatArray();
                for (int o = 0; o < outputs; o++) {
                    double expected = 0;
                    for (int k = 0; k < count; k++) {
                        expected += (axis == 0 ? x[k * cols + o] : x[o * cols + k]) * (double) (k % 3 + 1);
                    }
                    assertEquals(expected, got[o], 0, "output " + o + " along " + axis + " (seed " + seed + ")");
                }
            }
        }
    }

    /**
     * A reduction over the first axis of 3-D views whose two outer axes do not merge into one (a slice of the last
     * axis, and a step of 2 along it): CPU OpenCL devices reduce strips of neighbouring outputs, some of which
     * run across the end of a row of outputs. Every output of a NaN-poisoned out must be the exact sum of small
     * integers weighted by their position.
     */
    @Test
    void userKernelOverOuterAxesThatDoNotMerge() {
        ReductionKernel weighted = ctx.reductionKernel(DType.FLOAT32, "0", "a + b", "x[i] * (float) (i % 3 + 1)",
                "const float *x");
        int planes = 7;
        int cols = 70;
        long seed = 53;
        Random r = new Random(seed);
        for (int rows : new int[] {1, 3, 131}) {
            for (String slice : new String[] {":, :, 5:75", ":, :, ::2"}) {
                int width = slice.endsWith("::2") ? 2 * cols : cols + 10;
                float[] x = new float[rows * planes * width];
                for (int k = 0; k < x.length; k++) {
                    x[k] = r.nextInt(9) - 4;
                }
                int from = slice.endsWith("::2") ? 0 : 5;
                int step = slice.endsWith("::2") ? 2 : 1;
                float[] poison = new float[planes * cols];
                Arrays.fill(poison, Float.NaN);
                try (GPUArray base = ctx.toGpu(x, rows, planes, width); GPUArray a = base.get(slice);
                     GPUArray out = ctx.toGpu(poison, planes, cols)) {
                    weighted.callAlong(out, new int[] {0}, false, a);
                    float[] got = out.toFloatArray();
                    for (int o = 0; o < got.length; o++) {
                        int p = o / cols;
                        int c = from + step * (o % cols);
                        double expected = 0;
                        for (int k = 0; k < rows; k++) {
                            expected += x[(k * planes + p) * width + c] * (double) (k % 3 + 1);
                        }
                        assertEquals(expected, got[o], 0, "output " + o + " of (" + rows + ", " + planes + ", " + cols
                                + ") view [" + slice + "] along 0 (seed " + seed + ")");
                    }
                }
            }
        }
    }
}
