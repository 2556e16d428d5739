package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jgpuarray.Index.all;
import static org.jgpuarray.Index.at;
import static org.jgpuarray.Index.newAxis;
import static org.jgpuarray.Index.range;
import static org.jgpuarray.Index.step;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuMath;
import org.jgpuarray.ReductionKernel;
import org.jgpuarray.ScanKernel;
import org.jgpuarray.blas.Transpose;
import org.junit.jupiter.api.Test;

/**
 * Views (slices with any step, integer indices, transposes, broadcasts, diagonals) against a host model of
 * NumPy's views: their elements, that they share memory with their base, and every operation on them.
 * Values are small integers, so float32 results are exact; outputs are poisoned first.
 */
public abstract class ViewConformance extends ConformanceBase {
    private static final long[] SHAPE = {4, 5, 6};

    private GPUArray base() {
        return ctx.arange(DType.FLOAT32, 120).reshape(SHAPE);
    }

    private static HostView host() {
        double[] data = new double[120];
        Arrays.setAll(data, k -> k);
        return HostView.of(data, SHAPE);
    }

    private static void assertView(HostView expected, GPUArray actual, String what) {
        assertArrayEquals(expected.shape, actual.shape(), what + ": shape");
        assertArrayEquals(expected.values(), toDoubles(actual.toFloatArray()), 0, what + ": values");
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return d;
    }

    private void check(String index, UnaryOperator<HostView> model) {
        try (GPUArray a = base(); GPUArray v = a.get(index)) {
            assertView(model.apply(host()), v, index);
        }
    }

    @Test
    void slicesMatchNumPysRules() {
        check("1:3", h -> h.slice(0, 1L, 3L, 1));
        check("1:5, :, ::-2", h -> h.slice(0, 1L, 5L, 1).slice(2, null, null, -2));
        check("::-1, 1::2, -2", h -> h.slice(0, null, null, -1).slice(1, 1L, null, 2).at(2, -2));
        check("2, -1", h -> h.at(0, 2).at(0, -1));
        check("..., 3", h -> h.at(2, 3));
        check("-3:-1, 4:1:-1", h -> h.slice(0, -3L, -1L, 1).slice(1, 4L, 1L, -1));
        check("10:20", h -> h.slice(0, 10L, 20L, 1));
        check("3:1", h -> h.slice(0, 3L, 1L, 1));
        try (GPUArray a = base(); GPUArray v = a.get(range(1, 3), all(), step(5, 0, -2));
             GPUArray w = a.get("1:3, :, 5:0:-2"); GPUArray x = a.get(at(1), newAxis(), all(), at(0))) {
            assertArrayEquals(w.toFloatArray(), v.toFloatArray(), "Index API and string agree");
            assertArrayEquals(new long[] {1, 5}, x.shape(), "newAxis inserts an axis");
        }
        try (GPUArray a = base()) {
            assertThrows(IndexOutOfBoundsException.class, () -> a.get("4"));
            assertThrows(IllegalArgumentException.class, () -> a.get("1, 1, 1, 1"));
            assertThrows(IllegalArgumentException.class, () -> a.get("::0"));
            assertThrows(IllegalArgumentException.class, () -> a.get("1:x"));
        }
    }

    @Test
    void viewsShareMemoryAndWritesReachTheBase() {
        try (GPUArray a = base()) {
            HostView model = host();
            try (GPUArray v = a.get("1:3, ::2, ::-1")) {
                v.fill(-1);
            }
            HostView written = model.slice(0, 1L, 3L, 1).slice(1, null, null, 2).slice(2, null, null, -1);
            double[] minusOnes = new double[(int) written.size()];
            Arrays.fill(minusOnes, -1);
            written.write(minusOnes);
            a.put("0, :, 1", 7);
            double[] sevens = new double[5];
            Arrays.fill(sevens, 7);
            model.at(0, 0).at(1, 1).write(sevens);
            try (GPUArray row = ctx.toGpu(new float[] {10, 20, 30, 40, 50, 60})) {
                a.put("3", row); // broadcast over axis 1
            }
            HostView last = model.at(0, 3);
            double[] rows = new double[30];
            for (int k = 0; k < 30; k++) {
                rows[k] = 10 * (k % 6 + 1);
            }
            last.write(rows);
            assertView(model, a, "base after writes through views");
            try (GPUArray t = a.transpose()) {
                t.get("0, 0").fill(99); // the base's [:, 0, 0]
            }
            double[] nines = {99, 99, 99, 99};
            model.at(2, 0).at(1, 0).write(nines);
            assertView(model, a, "after a write through a transpose");
        }
    }

    @Test
    void transposesPermutationsAndHostCopiesInCOrder() {
        try (GPUArray a = base(); GPUArray t = a.transpose(); GPUArray p = a.permute(1, 2, 0);
             GPUArray s = a.swapAxes(0, 2); GPUArray tt = a.T()) {
            assertView(host().permute(2, 1, 0), t, "transpose");
            assertView(host().permute(1, 2, 0), p, "permute");
            assertView(host().permute(2, 1, 0), s, "swapAxes");
            assertArrayEquals(t.toFloatArray(), tt.toFloatArray(), "T");
            assertFalse(t.isContiguous());
            assertArrayEquals(new long[] {1, 6, 30}, t.strides());
            double[] data = new double[120];
            Arrays.setAll(data, k -> k);
            try (GPUArray d = ctx.toGpu(data).reshape(4, 5, 6); GPUArray dt = d.transpose()) {
                assertArrayEquals(host().permute(2, 1, 0).values(), dt.toDoubleArray(), 0, "float64 host copy");
            }
            try (GPUArray ints = a.astype(DType.INT32); GPUArray it = ints.transpose()) {
                int[] expected = Arrays.stream(host().permute(2, 1, 0).values()).mapToInt(v -> (int) v).toArray();
                assertArrayEquals(expected, it.toIntArray());
            }
        }
    }

    @Test
    void broadcastSqueezeExpandDiagonal() {
        try (GPUArray row = ctx.toGpu(new float[] {1, 2, 3}); GPUArray b = row.broadcastTo(4, 3)) {
            assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3}, b.toFloatArray());
            assertArrayEquals(new long[] {0, 1}, b.strides());
            assertThrows(IllegalArgumentException.class, () -> b.fill(0), "a broadcast view is read-only");
            assertThrows(IllegalArgumentException.class, () -> row.broadcastTo(4, 2));
        }
        try (GPUArray a = ctx.arange(DType.FLOAT32, 6).reshape(1, 6, 1); GPUArray s = a.squeeze();
             GPUArray s0 = a.squeeze(0); GPUArray e = s.expandDims(-1)) {
            assertArrayEquals(new long[] {6}, s.shape());
            assertArrayEquals(new long[] {6, 1}, s0.shape());
            assertArrayEquals(new long[] {6, 1}, e.shape());
            assertThrows(IllegalArgumentException.class, () -> a.squeeze(1));
        }
        try (GPUArray m = ctx.arange(DType.FLOAT32, 12).reshape(3, 4); GPUArray d = m.diagonal();
             GPUArray d1 = m.diagonal(1); GPUArray dm = m.diagonal(-1)) {
            assertArrayEquals(new float[] {0, 5, 10}, d.toFloatArray());
            assertArrayEquals(new float[] {1, 6, 11}, d1.toFloatArray());
            assertArrayEquals(new float[] {4, 9}, dm.toFloatArray());
        }
        try (GPUArray a = base(); GPUArray d = a.diagonal(1, 1, 2); GPUArray d0 = a.diagonal(0, -1, 0)) {
            HostView h = host();
            double[] expected = new double[4 * 5];
            double[] expected0 = new double[5 * 4];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 5; j++) {
                    expected[i * 5 + j] = h.buffer[i * 30 + j * 6 + j + 1];
                    expected0[j * 4 + i] = h.buffer[i * 30 + j * 6 + i];
                }
            }
            assertArrayEquals(new long[] {4, 5}, d.shape(), "axes 1, 2 removed, the diagonal last");
            assertArrayEquals(expected, widen(d.toFloatArray()), 0);
            assertArrayEquals(new long[] {5, 4}, d0.shape());
            assertArrayEquals(expected0, widen(d0.toFloatArray()), 0);
            assertThrows(IllegalArgumentException.class, () -> a.diagonal(0, 1, -2));
        }
    }

    @Test
    void ravelIsAViewOnlyWhenContiguous() {
        try (GPUArray a = base(); GPUArray flat = a.ravel(); GPUArray t = a.transpose(); GPUArray tf = t.ravel();
             GPUArray copy = a.flatten()) {
            flat.get("0").fill(-5);
            assertEquals(-5, a.toFloatArray()[0], "ravel of a contiguous array is a view");
            tf.get("1").fill(-6);
            assertTrue(t.toFloatArray()[1] != -6, "ravel of a transpose is a copy");
            copy.get("2").fill(-7);
            assertEquals(2, a.toFloatArray()[2], "flatten always copies");
            try (GPUArray c = t.ascontiguous()) {
                assertTrue(c.isContiguous());
                assertArrayEquals(t.toFloatArray(), c.toFloatArray());
            }
            try (GPUArray r = t.reshape(-1)) {
                assertArrayEquals(t.toFloatArray(), r.toFloatArray(), "reshape of a view copies in C order");
            }
        }
    }

    @Test
    void arithmeticOnViewsWithBroadcasting() {
        try (GPUArray a = base(); GPUArray t = a.transpose(); GPUArray sum = t.add(t); GPUArray twice = t.mul(2)) {
            assertArrayEquals(twice.toFloatArray(), sum.toFloatArray());
            double[] expected = Arrays.stream(host().permute(2, 1, 0).values()).map(v -> 2 * v).toArray();
            assertArrayEquals(expected, toDoubles(sum.toFloatArray()), 0);
            assertTrue(sum.isContiguous() || Arrays.equals(sum.strides(), t.strides()),
                    "a result keeps its operand's memory order");
        }
        try (GPUArray m = ctx.arange(DType.FLOAT32, 12).reshape(3, 4); GPUArray row = ctx.toGpu(new float[] {1, 2, 3, 4});
             GPUArray col = ctx.toGpu(new float[] {100, 200, 300}).reshape(3, 1);
             GPUArray r = m.add(row); GPUArray c = m.add(col); GPUArray both = row.mul(col)) {
            float[] rows = new float[12];
            float[] cols = new float[12];
            float[] outer = new float[12];
            for (int k = 0; k < 12; k++) {
                rows[k] = k + (k % 4 + 1);
                cols[k] = k + 100 * (k / 4 + 1);
                outer[k] = (k % 4 + 1) * 100 * (k / 4 + 1);
            }
            assertArrayEquals(rows, r.toFloatArray(), "row broadcast");
            assertArrayEquals(cols, c.toFloatArray(), "column broadcast");
            assertArrayEquals(outer, both.toFloatArray(), "outer product by broadcasting");
            assertArrayEquals(new long[] {3, 4}, both.shape());
        }
        try (GPUArray a = base(); GPUArray rev = a.get("::-1, 1:4, ::3"); GPUArray i = rev.astype(DType.INT32);
             GPUArray mixed = rev.add(i); GPUArray zeroD = ctx.full(DType.FLOAT32, 2.5, new long[0]);
             GPUArray scaled = rev.mul(zeroD)) {
            double[] model = host().slice(0, null, null, -1).slice(1, 1L, 4L, 1).slice(2, null, null, 3).values();
            assertEquals(DType.FLOAT64, mixed.dtype());
            assertArrayEquals(Arrays.stream(model).map(v -> 2 * v).toArray(), mixed.toDoubleArray(), 0);
            assertArrayEquals(Arrays.stream(model).map(v -> 2.5 * v).toArray(), toDoubles(scaled.toFloatArray()), 0,
                    "a 0-d array broadcasts");
        }
        try (GPUArray empty = ctx.zeros(DType.FLOAT32, 0, 3); GPUArray row = ctx.zeros(DType.FLOAT32, 3);
             GPUArray r = empty.add(row)) {
            assertArrayEquals(new long[] {0, 3}, r.shape());
        }
    }

    @Test
    void outParametersAreCheckedAndWrittenThroughViews() {
        try (GPUArray a = ctx.arange(DType.FLOAT32, 6).reshape(2, 3); GPUArray out = ctx.full(DType.FLOAT32,
                Float.NaN, 3, 2); GPUArray target = out.transpose()) {
            GPUArray returned = a.add(a, target);
            assertTrue(returned == target);
            assertArrayEquals(new float[] {0, 6, 2, 8, 4, 10}, out.toFloatArray(), "written through the transpose");
            try (GPUArray wrongShape = ctx.zeros(DType.FLOAT32, 3); GPUArray wrongType = ctx.zeros(DType.FLOAT64, 2, 3)) {
                assertThrows(IllegalArgumentException.class, () -> a.add(a, wrongShape));
                assertThrows(IllegalArgumentException.class, () -> a.mul(a, wrongType));
            }
            GpuMath.exp(a, a); // in place
            assertEquals(Math.exp(5), a.toFloatArray()[5], 1e-3);
            GPUArray at = a.transpose();
            a.add(at.transpose(), a); // aliases in the same layout
            assertEquals(2 * Math.exp(5), a.toFloatArray()[5], 1e-2);
        }
        try (GPUArray sq = ctx.arange(DType.FLOAT32, 9).reshape(3, 3); GPUArray t = sq.transpose()) {
            sq.add(t, sq); // out aliases the other operand in another layout: staged, as NumPy does
            assertArrayEquals(new float[] {0, 4, 8, 4, 8, 12, 8, 12, 16}, sq.toFloatArray());
        }
    }

    @Test
    void mathAstypeAndReductionsOfViews() {
        try (GPUArray a = base(); GPUArray v = a.get("::2, 1:, ::-3"); GPUArray s = GpuMath.sqrt(v);
             GPUArray d = v.astype(DType.FLOAT64); GPUArray total = v.sum(); GPUArray max = v.max();
             GPUArray min = v.min(); GPUArray mean = v.mean(); GPUArray t = a.transpose(); GPUArray tsum = t.sum();
             GPUArray line = v.get("1, 2"); GPUArray dot = line.dot(line); GPUArray cum = v.cumsum()) {
            double[] model = host().slice(0, null, null, 2).slice(1, 1L, null, 1).slice(2, null, null, -3).values();
            assertArrayEquals(Arrays.stream(model).map(Math::sqrt).toArray(), toDoubles(s.toFloatArray()), 1e-5);
            assertArrayEquals(model, d.toDoubleArray(), 0);
            assertEquals(Arrays.stream(model).sum(), total.item(), 0);
            assertEquals(Arrays.stream(model).max().orElseThrow(), max.item(), 0);
            assertEquals(Arrays.stream(model).min().orElseThrow(), min.item(), 0);
            assertEquals(Arrays.stream(model).average().orElseThrow(), mean.item(), 1e-4);
            assertEquals(7140, tsum.item(), 0, "a transposed contiguous array sums in place");
            // dot of 1-D views (v[1, 2] runs backwards); dot of N-D arrays is NumPy's, not a flat sum of products
            assertEquals(model[12] * model[12] + model[13] * model[13], dot.item(), 0);
            double[] running = model.clone();
            for (int k = 1; k < running.length; k++) {
                running[k] += running[k - 1];
            }
            assertArrayEquals(running, toDoubles(cum.toFloatArray()), 0, "cumsum of a view in C order");
        }
    }

    @Test
    void userKernelsTakeViewsAndBroadcast() {
        ElementwiseKernel scaleAdd = ctx.elementwiseKernel("float a, float *x, float *y, float *out",
                "out[i] = a * x[i] + y[i]", "scale_add");
        try (GPUArray m = ctx.arange(DType.FLOAT32, 12).reshape(3, 4); GPUArray t = m.transpose();
             GPUArray row = ctx.toGpu(new float[] {1, 2, 3}); GPUArray out = ctx.full(DType.FLOAT32, Float.NaN, 4, 3)) {
            scaleAdd.call(2f, t, row, out);
            float[] expected = new float[12];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 3; c++) {
                    expected[r * 3 + c] = 2 * (c * 4 + r) + (c + 1);
                }
            }
            assertArrayEquals(expected, out.toFloatArray(), "transposed and broadcast arguments, in place");
            try (GPUArray outView = out.get("::-1")) {
                scaleAdd.call(1f, t, row, outView);
            }
            float[] reversed = new float[12];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 3; c++) {
                    reversed[(3 - r) * 3 + c] = (c * 4 + r) + (c + 1);
                }
            }
            assertArrayEquals(reversed, out.toFloatArray(), "written through a reversed view");
            assertThrows(IllegalArgumentException.class, () -> scaleAdd.call(1f, t, out, row),
                    "writing a broadcast view is refused");
        }
        ElementwiseKernel mirror = ctx.elementwiseKernel("float *x, float *y", "y[i] = x[n - 1 - i]", "mirror");
        try (GPUArray a = ctx.arange(DType.FLOAT32, 8); GPUArray odd = a.get("1::2");
             GPUArray y = ctx.full(DType.FLOAT32, Float.NaN, 8); GPUArray yv = y.get("::2")) {
            mirror.call(odd, yv);
            assertArrayEquals(new float[] {7, Float.NaN, 5, Float.NaN, 3, Float.NaN, 1, Float.NaN}, y.toFloatArray(),
                    "a snippet that indexes other elements runs on copies, written back");
        }
        ReductionKernel dot = ctx.reductionKernel(DType.FLOAT32, "0", "a + b", "x[i] * y[i]", "float *x, float *y");
        ScanKernel scan = ctx.inclusiveScanKernel(DType.FLOAT32, "a + b", "0");
        try (GPUArray m = ctx.arange(DType.FLOAT32, 12).reshape(3, 4); GPUArray t = m.transpose();
             GPUArray total = dot.call(t, t); GPUArray out = ctx.full(DType.FLOAT32, Float.NaN, 4, 3);
             GPUArray ot = out.transpose()) {
            assertEquals(506, total.item(), 0);
            scan.call(t, ot);
            float[] expected = new float[12];
            float run = 0;
            float[] tValues = t.toFloatArray();
            for (int k = 0; k < 12; k++) {
                run += tValues[k];
                expected[k] = run;
            }
            assertArrayEquals(expected, ot.toFloatArray(), "scan of a view into a view, both in C order");
        }
    }

    @Test
    void librariesTakeViews() {
        try (GPUArray a = ctx.arange(DType.FLOAT32, 6).reshape(2, 3); GPUArray b = ctx.arange(DType.FLOAT32, 12)
                .reshape(4, 3); GPUArray bt = b.transpose(); GPUArray c = ctx.full(DType.FLOAT32, Float.NaN, 2, 4);
             GPUArray direct = ctx.blas().matmul(a, bt)) {
            ctx.blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, bt, 0, c);
            float[] expected = new float[8];
            for (int r = 0; r < 2; r++) {
                for (int col = 0; col < 4; col++) {
                    for (int k = 0; k < 3; k++) {
                        expected[r * 4 + col] += (r * 3 + k) * (col * 3 + k);
                    }
                }
            }
            assertArrayEquals(expected, c.toFloatArray(), "a transposed operand, no copy");
            assertArrayEquals(expected, direct.toFloatArray());
            try (GPUArray big = ctx.full(DType.FLOAT32, Float.NaN, 4, 2); GPUArray cView = big.transpose()) {
                ctx.blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, bt, 0, cView);
                assertArrayEquals(expected, cView.toFloatArray(), "a view as C is written back");
            }
        }
        try (GPUArray x = ctx.arange(DType.FLOAT32, 16).reshape(2, 8); GPUArray cols = x.get(":, ::2");
             GPUArray viaView = ctx.fft().rfft(cols); GPUArray copy = cols.copy(); GPUArray viaCopy = ctx.fft().rfft(copy)) {
            assertArrayEquals(viaCopy.toFloatArray(), viaView.toFloatArray(), 1e-4f, "FFT of a strided view");
        }
        try (GPUArray out = ctx.full(DType.FLOAT32, Float.NaN, 6, 4); GPUArray view = out.get("::2, 1:3")) {
            ctx.random(7).fillUniform(view);
            float[] all = out.toFloatArray();
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 4; c++) {
                    boolean inView = r % 2 == 0 && c >= 1 && c < 3;
                    assertEquals(inView, !Float.isNaN(all[r * 4 + c]), "random numbers only in the view");
                }
            }
        }
    }
}
