package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/**
 * Binary operations on transposed, reversed and broadcast operands over shapes chosen for the traversal
 * strategies of the generated kernels: rows that are a whole number of GPU blocks or PoCL work-groups long
 * (256, 1024, 2048: the division-free row loop), rows that are not (1000, 7, 33), tile remainders of the
 * CPU's tiled walk (1, 3, 33, 65), and batches of transposed matrices. Every element is compared with a
 * reference computed here from the host data; values are small integers, so float32 results are exact, and
 * {@code out} arguments are poisoned with NaN first.
 */
public abstract class LayoutConformance extends ConformanceBase {
    private static final long[][] MATRICES = {{1, 1}, {3, 3}, {1000, 7}, {7, 1000}, {33, 65}, {5, 256}, {3, 1024},
        {2, 2048}, {130, 1024}};

    @Test
    void transposedOperandsIntoContiguousOutputs() {
        for (long[] s : MATRICES) {
            int rows = (int) s[0];
            int cols = (int) s[1];
            Random r = random("transposed", rows * 7919 + cols);
            float[] a = ints(r, rows * cols); // a (cols, rows) matrix, used transposed
            float[] b = ints(r, rows * cols); // a (rows, cols) matrix
            try (GPUArray da = ctx.toGpu(a).reshape(cols, rows); GPUArray at = da.T(); GPUArray db = ctx.toGpu(b)
                    .reshape(rows, cols); GPUArray out = ctx.full(DType.FLOAT32, Float.NaN, rows, cols)) {
                at.add(db, out);
                float[] got = out.toFloatArray();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        double expected = (double) a[j * rows + i] + b[i * cols + j];
                        assertEquals(expected, got[i * cols + j], 0, "a.T + b, shape (" + rows + ", " + cols + ") at ("
                                + i + ", " + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void reversedTransposesAndRowBroadcasts() {
        for (long[] s : MATRICES) {
            int rows = (int) s[0];
            int cols = (int) s[1];
            Random r = random("reversed", rows * 7919 + cols);
            float[] a = ints(r, rows * cols);
            float[] row = ints(r, cols);
            try (GPUArray da = ctx.toGpu(a).reshape(cols, rows); GPUArray rev = da.get("::-1, ::-1");
                 GPUArray revT = rev.T(); GPUArray drow = ctx.toGpu(row); GPUArray sum = revT.mul(drow);
                 GPUArray db = ctx.toGpu(a).reshape(rows, cols); GPUArray bc = db.sub(drow)) {
                float[] got = sum.toFloatArray();
                float[] diff = bc.toFloatArray();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        double expected = (double) a[(cols - 1 - j) * rows + (rows - 1 - i)] * row[j];
                        assertEquals(expected, got[i * cols + j], 0, "reversed a.T * row, shape (" + rows + ", "
                                + cols + ") at (" + i + ", " + j + ")");
                        assertEquals((double) a[i * cols + j] - row[j], diff[i * cols + j], 0, "b - row, shape ("
                                + rows + ", " + cols + ") at (" + i + ", " + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void batchesOfTransposedMatricesWithBroadcasts() {
        long[][] shapes = {{2, 33, 3}, {3, 70, 33}, {2, 3, 1024}, {1, 65, 65}};
        for (long[] s : shapes) {
            int n0 = (int) s[0];
            int n1 = (int) s[1];
            int n2 = (int) s[2];
            Random r = random("batches", n0 * 1000003 + n1 * 1009 + n2);
            float[] a = ints(r, n0 * n1 * n2); // an (n0, n2, n1) array, its last two axes swapped
            float[] col = ints(r, n1); // an (n1, 1) column, broadcast over the batch and the rows
            try (GPUArray da = ctx.toGpu(a).reshape(n0, n2, n1); GPUArray swapped = da.swapAxes(1, 2);
                 GPUArray dcol = ctx.toGpu(col).reshape(n1, 1);
                 GPUArray out = ctx.full(DType.FLOAT32, Float.NaN, n0, n1, n2)) {
                swapped.add(dcol, out);
                float[] got = out.toFloatArray();
                for (int p = 0; p < n0; p++) {
                    for (int i = 0; i < n1; i++) {
                        for (int j = 0; j < n2; j++) {
                            double expected = (double) a[(p * n2 + j) * n1 + i] + col[i];
                            assertEquals(expected, got[(p * n1 + i) * n2 + j], 0, "swapAxes(1, 2) + column, shape ("
                                    + n0 + ", " + n1 + ", " + n2 + ") at (" + p + ", " + i + ", " + j + ")");
                        }
                    }
                }
            }
        }
    }

    /**
     * Shapes whose launches on PoCL have a work-item per element (work-groups of 1024, 512 and 128) and whose
     * rows are whole multiples of the tiles of the tiled kernels that transposed operands take (8 columns,
     * work-group / 8 rows), and one of three dimensions whose bands of rows follow each other through the batch.
     */
    private static final long[][] TILED = {{256, 64}, {384, 24}, {16, 200}, {64, 8}, {128, 1024}, {3, 128, 40}};

    @Test
    void transposesOverWholeWorkGroups() {
        for (long[] s : TILED) {
            int last = s.length - 1;
            int[] swap = new int[s.length];
            for (int d = 0; d < swap.length; d++) {
                swap[d] = d == last ? last - 1 : d == last - 1 ? last : d;
            }
            long[] swapped = s.clone();
            swapped[last] = s[last - 1];
            swapped[last - 1] = s[last];
            int n = 1;
            for (long e : s) {
                n *= (int) e;
            }
            Random r = random("tiles", Arrays.hashCode(s));
            float[] a = ints(r, n); // the swapped shape, used with its last two axes swapped
            float[] c = ints(r, n); // likewise
            float[] b = ints(r, n); // shape s
            float[] col = ints(r, (int) s[last - 1]);
            HostView ha = HostView.of(doubles(a), swapped).permute(swap);
            HostView reversed = HostView.of(doubles(a), swapped);
            for (int d = 0; d < s.length; d++) {
                reversed = reversed.slice(d, null, null, -1);
            }
            double[] at = ha.values();
            double[] ct = HostView.of(doubles(c), swapped).permute(swap).values();
            double[] revT = reversed.permute(swap).values();
            double[] colB = HostView.of(doubles(col), s[last - 1], 1).broadcastTo(s).values();
            String all = s.length == 2 ? "::-1, ::-1" : "::-1, ::-1, ::-1";
            try (GPUArray da = ctx.toGpu(a).reshape(swapped); GPUArray dat = da.swapAxes(last - 1, last);
                 GPUArray dc = ctx.toGpu(c).reshape(swapped); GPUArray dct = dc.swapAxes(last - 1, last);
                 GPUArray db = ctx.toGpu(b).reshape(s); GPUArray dcol = ctx.toGpu(col).reshape(s[last - 1], 1);
                 GPUArray rev = da.get(all); GPUArray drevT = rev.swapAxes(last - 1, last);
                 GPUArray out = ctx.full(DType.FLOAT32, Float.NaN, s);
                 GPUArray outBack = ctx.full(DType.FLOAT32, Float.NaN, swapped);
                 GPUArray outT = outBack.swapAxes(last - 1, last)) {
                dat.add(db, out);
                compare("a.T + b", s, out.toFloatArray(), k -> at[k] + b[k]);
                out.fill(Float.NaN);
                dat.mul(dct, out);
                compare("a.T * c.T", s, out.toFloatArray(), k -> at[k] * ct[k]);
                out.fill(Float.NaN);
                drevT.sub(db, out);
                compare("reversed a.T - b", s, out.toFloatArray(), k -> revT[k] - b[k]);
                out.fill(Float.NaN);
                dat.add(dcol, out);
                compare("a.T + column", s, out.toFloatArray(), k -> at[k] + colB[k]);
                db.add(dat, outT);
                double[] got = HostView.of(doubles(outBack.toFloatArray()), swapped).permute(swap).values();
                compare("b + a.T into a transposed out", s, got, k -> b[k] + at[k]);
            }
        }
    }

    /**
     * A user kernel over transposed views takes the tiled variant as the built-ins do, with its loop_prep, the
     * flat index {@code i} and a write through a transposed view.
     */
    @Test
    void userKernelsOverTransposesOverWholeWorkGroups() {
        ElementwiseKernel k = ctx.elementwiseKernelBuilder("float *x, float *y, float *out",
                "out[i] = x[i] * scale + y[i] + (float) (i % 8)", "tiled_user").loopPrep("float scale = 4.0f;").build();
        for (long[] s : new long[][] {{256, 64}, {16, 200}, {3, 128, 40}}) {
            int last = s.length - 1;
            long[] swapped = s.clone();
            swapped[last] = s[last - 1];
            swapped[last - 1] = s[last];
            int[] swap = new int[s.length];
            for (int d = 0; d < swap.length; d++) {
                swap[d] = d == last ? last - 1 : d == last - 1 ? last : d;
            }
            int n = 1;
            for (long e : s) {
                n *= (int) e;
            }
            Random r = random("tiled-user", Arrays.hashCode(s));
            float[] a = ints(r, n);
            float[] b = ints(r, n);
            double[] at = HostView.of(doubles(a), swapped).permute(swap).values();
            try (GPUArray da = ctx.toGpu(a).reshape(swapped); GPUArray dat = da.swapAxes(last - 1, last);
                 GPUArray db = ctx.toGpu(b).reshape(s); GPUArray out = ctx.full(DType.FLOAT32, Float.NaN, s);
                 GPUArray outBack = ctx.full(DType.FLOAT32, Float.NaN, swapped);
                 GPUArray outT = outBack.swapAxes(last - 1, last)) {
                k.call(dat, db, out);
                compare("user kernel on a.T", s, out.toFloatArray(), e -> at[e] * 4 + b[e] + e % 8);
                k.call(db, dat, outT);
                double[] got = HostView.of(doubles(outBack.toFloatArray()), swapped).permute(swap).values();
                compare("user kernel into a transposed out", s, got, e -> b[e] * 4 + at[e] + e % 8);
            }
        }
    }

    @Test
    void float64TransposesOverWholeWorkGroups() {
        int rows = 256;
        int cols = 64;
        Random r = random("tiles64", rows * 31 + cols);
        double[] a = new double[rows * cols];
        double[] b = new double[rows * cols];
        for (int k = 0; k < a.length; k++) {
            a[k] = r.nextDouble() - 0.5;
            b[k] = r.nextDouble() - 0.5;
        }
        try (GPUArray da = ctx.toGpu(a).reshape(cols, rows); GPUArray at = da.T();
             GPUArray db = ctx.toGpu(b).reshape(rows, cols); GPUArray out = ctx.full(DType.FLOAT64, Double.NaN, rows, cols)) {
            at.add(db, out);
            double[] got = out.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertEquals(a[j * rows + i] + b[i * cols + j], got[i * cols + j], 0,
                            "float64 a.T + b, shape (" + rows + ", " + cols + ") at (" + i + ", " + j + ")");
                }
            }
        }
    }

    /** Compares {@code got} (C order over {@code shape}) with {@code expected} of each flat index. */
    private static void compare(String what, long[] shape, float[] got, IntToDoubleFunction expected) {
        compare(what, shape, doubles(got), expected);
    }

    private static void compare(String what, long[] shape, double[] got, IntToDoubleFunction expected) {
        for (int k = 0; k < got.length; k++) {
            assertEquals(expected.applyAsDouble(k), got[k], 0, what + ", shape " + Arrays.toString(shape)
                    + " at flat index " + k);
        }
    }

    private static double[] doubles(float[] v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = v[k];
        }
        return d;
    }

    /** Small integers, so that float32 sums and products are exact. */
    private static float[] ints(Random r, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = r.nextInt(201) - 100;
        }
        return v;
    }
}
