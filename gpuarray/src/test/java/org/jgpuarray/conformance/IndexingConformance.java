package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/**
 * {@code take} and {@code put} along an axis with int32/int64 index arrays, and boolean masks ({@code get},
 * {@code put}, {@code nonzero}, {@code countNonzero}) against host references: every dtype, 0-d, empty and
 * awkward shapes, one large array, views in every {@link DeviceForms form} as inputs and targets, poisoned
 * outputs, and an {@link IndexOutOfBoundsException} for an index out of range on every backend.
 */
public abstract class IndexingConformance extends IndexingBase {
    private static final long[][] TAKE_SHAPES = {{5}, {3, 4}, {2, 3, 4}, {4, 1, 3}, {0, 3}};
    private static final long[][] INDEX_SHAPES = {{}, {0}, {7}, {2, 3}};
    private static final int LARGE = 1000003;

    @Test
    void takeMatchesHostOnEveryDtypeShapeAxisAndForm() {
        int form = 0;
        for (DType type : types()) {
            for (long[] shape : TAKE_SHAPES) {
                for (int axis = -shape.length; axis < shape.length; axis++) {
                    for (long[] indexShape : INDEX_SHAPES) {
                        DType indexType = (form % 2 == 0) ? DType.INT64 : DType.INT32;
                        DeviceForms f = DeviceForms.values()[form++ % DeviceForms.values().length];
                        checkTake(type, shape, axis, indexShape, indexType, f);
                    }
                }
            }
        }
    }

    private void checkTake(DType type, long[] shape, int axis, long[] indexShape, DType indexType, DeviceForms form) {
        int ax = axis < 0 ? axis + shape.length : axis;
        long len = shape[ax];
        if (len == 0 && HostNd.size(indexShape) > 0) {
            return;
        }
        String what = named("take " + type + " " + Arrays.toString(shape) + " axis " + axis + " indices "
                + indexType + Arrays.toString(indexShape) + " " + form);
        Random r = random(what, 0);
        HostNd src = DeviceForms.random(r, type, shape, 0);
        HostNd idx = HostNd.build(indexShape, c -> r.nextInt((int) (2 * len)) - len);
        long[] outShape = gathered(shape, indexShape, ax);
        HostNd expected = HostNd.build(outShape, c -> src.at(sourceCoords(c, ax, indexShape.length, idx, len)));
        try (GPUArray g = form.upload(ctx, type, src); GPUArray gi = DeviceForms.upload(ctx, indexType, idx.values,
                indexShape); GPUArray t = g.take(gi, axis);
             GPUArray out = DeviceForms.TRANSPOSED.upload(ctx, type, poison(outShape))) {
            assertArrayEquals(outShape, t.shape(), what);
            assertEquals(type, t.dtype(), what);
            assertClose(expected.values, DeviceForms.download(t), 0, 0, what);
            g.take(gi, axis, out);
            assertClose(expected.values, DeviceForms.download(out), 0, 0, what + " into a poisoned transposed out");
        }
    }

    @Test
    void takeOnALargeArrayWithBothIndexTypes() {
        String what = named("take large");
        Random r = random(what, LARGE);
        double[] src = DeviceForms.values(r, DType.FLOAT32, LARGE, 0);
        double[] idx = new double[LARGE];
        for (int k = 0; k < LARGE; k++) {
            idx[k] = r.nextInt(2 * LARGE) - LARGE;
        }
        double[] expected = new double[LARGE];
        for (int k = 0; k < LARGE; k++) {
            expected[k] = src[(int) (idx[k] < 0 ? idx[k] + LARGE : idx[k])];
        }
        for (DType indexType : new DType[] {DType.INT32, DType.INT64}) {
            try (GPUArray g = DeviceForms.upload(ctx, DType.FLOAT32, src, LARGE);
                 GPUArray gi = DeviceForms.upload(ctx, indexType, idx, LARGE); GPUArray t = g.take(gi)) {
                assertClose(expected, DeviceForms.download(t), 0, 0, what + " " + indexType);
            }
        }
    }

    @Test
    void anIndexOutOfRangeThrowsOnEveryBackendAndWritesNothing() {
        try (GPUArray a = ctx.arange(DType.FLOAT32, 15).reshape(3, 5);
             GPUArray bad = ctx.toGpu(new long[] {0, 2, 7, -9, 4}); GPUArray bad32 = ctx.toGpu(new int[] {1, -6, 0});
             GPUArray huge = ctx.toGpu(new long[] {Long.MAX_VALUE, 0});
             GPUArray out = ctx.full(DType.FLOAT32, DeviceForms.POISON, 3, 5)) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> a.take(bad, 1));
            assertEquals("index 7 is out of bounds for axis 1 with size 5", e.getMessage(), "the first bad index in C order");
            e = assertThrows(IndexOutOfBoundsException.class, () -> a.take(bad32, -1));
            assertEquals("index -6 is out of bounds for axis 1 with size 5", e.getMessage());
            e = assertThrows(IndexOutOfBoundsException.class, () -> a.take(huge, 0));
            assertTrue(e.getMessage().contains(Long.toString(Long.MAX_VALUE)), e.getMessage());
            e = assertThrows(IndexOutOfBoundsException.class, () -> a.get(bad));
            assertEquals("index 7 is out of bounds for axis 0 with size 3", e.getMessage());
            try (GPUArray three = ctx.toGpu(new long[] {0, 1, 2}); GPUArray t = a.transpose()) {
                try (GPUArray outT = out.transpose()) {
                    assertThrows(IndexOutOfBoundsException.class, () -> t.take(bad, 0, outT));
                }
                assertTrue(Arrays.stream(widen(out.toFloatArray())).allMatch(v -> v == DeviceForms.POISON),
                        "a failed take writes nothing");
                float[] before = a.toFloatArray();
                assertThrows(IndexOutOfBoundsException.class, () -> a.put(bad, 1.5f, 1));
                assertThrows(IndexOutOfBoundsException.class, () -> a.put(bad32, three, 1));
                assertArrayEquals(before, a.toFloatArray(), "a failed put writes nothing");
            }
            try (GPUArray empty = ctx.zeros(DType.INT32, 0, 4); GPUArray zero = ctx.toGpu(new long[] {0})) {
                e = assertThrows(IndexOutOfBoundsException.class, () -> empty.take(zero, 0));
                assertEquals("index 0 is out of bounds for axis 0 with size 0", e.getMessage());
            }
        }
    }

    @Test
    void putWritesAlongEveryAxisIntoEveryForm() {
        int form = 0;
        for (DType type : types()) {
            for (long[] shape : TAKE_SHAPES) {
                for (int axis = 0; axis < shape.length; axis++) {
                    DeviceForms f = DeviceForms.values()[form++ % DeviceForms.values().length];
                    checkPut(type, shape, axis, f, form % 2 == 0 ? DType.INT32 : DType.INT64);
                }
            }
        }
    }

    private void checkPut(DType type, long[] shape, int axis, DeviceForms form, DType indexType) {
        String what = named("put " + type + " " + Arrays.toString(shape) + " axis " + axis + " " + form);
        Random r = random(what, 0);
        long len = shape[axis];
        List<Long> positions = new ArrayList<>();
        for (long k = 0; k < len; k++) {
            positions.add(r.nextBoolean() ? k : k - len); // distinct positions, some counted from the end
        }
        Collections.shuffle(positions, r);
        List<Long> chosen = positions.subList(0, (int) Math.min(len, 3));
        long[] indexShape = {chosen.size()};
        HostNd idx = new HostNd(indexShape, chosen.stream().mapToDouble(Long::doubleValue).toArray());
        long[] valueShape = gathered(shape, indexShape, axis);
        valueShape[0] = 1; // values broadcast along the first axis
        DType valueType = type == DType.BOOL ? DType.BOOL : DType.INT32;
        HostNd target = DeviceForms.random(r, type, shape, 0);
        HostNd values = DeviceForms.random(r, valueType, valueShape, 0);
        double[] expected = target.values.clone();
        HostNd.build(gathered(shape, indexShape, axis), c -> {
            long[] s = sourceCoords(c, axis, 1, idx, len);
            expected[flat(s, shape)] = values.at(c);
            return 0;
        });
        try (GPUArray g = form.upload(ctx, type, target); GPUArray gi = DeviceForms.upload(ctx, indexType, idx.values,
                indexShape); GPUArray gv = DeviceForms.REVERSED.upload(ctx, valueType, values)) {
            g.put(gi, gv, axis);
            assertClose(expected, DeviceForms.download(g), 0, 0, what);
        }
    }

    @Test
    void putByIndexArrayOnAxisZeroAndWithAScalar() {
        try (GPUArray a = ctx.zeros(DType.INT64, 4, 3); GPUArray rows = ctx.toGpu(new int[] {-1, 1});
             GPUArray values = ctx.toGpu(new double[] {1.9, -2.9, 3.5}); GPUArray cols = ctx.toGpu(new long[] {0})) {
            a.put(rows, values); // float64 values truncate into int64, broadcast over both rows
            a.put(cols, 9L, 1);
            assertArrayEquals(new long[] {9, 0, 0, 9, -2, 3, 9, 0, 0, 9, -2, 3}, a.toLongArray());
            try (GPUArray picked = a.get(rows)) {
                assertArrayEquals(new long[] {9, -2, 3, 9, -2, 3}, picked.toLongArray(), "get(int array) is take(.., 0)");
            }
        }
    }

    @Test
    void maskSelectionMatchesHostOnEveryDtypeShapeAndForm() {
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                for (DeviceForms form : DeviceForms.values()) {
                    String what = named("mask get " + type + " " + Arrays.toString(shape) + " " + form);
                    Random r = random(what, 0);
                    HostNd a = DeviceForms.random(r, type, shape, 0);
                    HostNd mask = DeviceForms.random(r, DType.BOOL, shape, 0.5);
                    checkMaskSelect(what, type, a, mask, form);
                }
            }
        }
        Random r = random("mask leading", 0);
        HostNd a = DeviceForms.random(r, DType.FLOAT32, new long[] {4, 3, 2}, 0);
        for (long[] lead : new long[][] {{4}, {4, 3}}) {
            HostNd mask = DeviceForms.random(r, DType.BOOL, lead, 0.5);
            for (DeviceForms form : DeviceForms.values()) {
                checkMaskSelect(named("mask over leading dims " + Arrays.toString(lead) + " " + form), DType.FLOAT32, a,
                        mask, form);
            }
        }
    }

    private void checkMaskSelect(String what, DType type, HostNd a, HostNd mask, DeviceForms form) {
        int inner = HostNd.size(Arrays.copyOfRange(a.shape, mask.ndim(), a.ndim()));
        List<Double> selected = new ArrayList<>();
        for (int k = 0; k < a.values.length; k++) {
            if (mask.values[k / inner] != 0) {
                selected.add(a.values[k]);
            }
        }
        try (GPUArray g = form.upload(ctx, type, a); GPUArray m = DeviceForms.TRANSPOSED.upload(ctx, DType.BOOL, mask);
             GPUArray s = g.get(m)) {
            assertEquals(selected.size() / inner, s.shape()[0], what + ": count");
            assertEquals(a.ndim() - mask.ndim() + 1, s.ndim(), what + ": ndim");
            assertClose(selected.stream().mapToDouble(Double::doubleValue).toArray(), DeviceForms.download(s), 0, 0,
                    what);
        }
    }

    @Test
    void maskSelectionOfALargeArray() {
        String what = named("mask get large");
        Random r = random(what, LARGE);
        double[] x = DeviceForms.values(r, DType.FLOAT32, LARGE, 0.3);
        double[] kept = Arrays.stream(x).filter(v -> v > 10).toArray();
        for (boolean reversed : new boolean[] {false, true}) {
            try (GPUArray base = DeviceForms.upload(ctx, DType.FLOAT32, x, LARGE);
                 GPUArray g = reversed ? base.get("::-1") : base.get(":"); GPUArray m = g.gt(10.0);
                 GPUArray s = g.get(m); GPUArray none = g.gt(1e30); GPUArray empty = g.get(none)) {
                double[] expected = kept.clone();
                if (reversed) {
                    for (int k = 0; k < expected.length / 2; k++) {
                        double t = expected[k];
                        expected[k] = expected[expected.length - 1 - k];
                        expected[expected.length - 1 - k] = t;
                    }
                }
                assertClose(expected, DeviceForms.download(s), 0, 0,
                        what + (reversed ? " reversed" : ""));
                assertArrayEquals(new long[] {0}, empty.shape(), "nothing selected gives an empty array");
                assertEquals(kept.length, m.countNonzero(), what + ": countNonzero");
            }
        }
    }

    @Test
    void maskAssignmentWritesTheSelectedElements() {
        int turn = 0;
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                for (DeviceForms form : twoForms(turn++)) {
                    String what = named("mask put " + type + " " + Arrays.toString(shape) + " " + form);
                    Random r = random(what, 0);
                    HostNd a = DeviceForms.random(r, type, shape, 0);
                    HostNd mask = DeviceForms.random(r, DType.BOOL, shape, 0.5);
                    int count = (int) Arrays.stream(mask.values).filter(v -> v != 0).count();
                    HostNd values = DeviceForms.random(r, DType.INT32, new long[] {count}, 0);
                    double fill = type == DType.BOOL ? 1 : -3;
                    double[] filled = a.values.clone();
                    double[] assigned = a.values.clone();
                    for (int k = 0, j = 0; k < filled.length; k++) {
                        if (mask.values[k] != 0) {
                            filled[k] = fill;
                            assigned[k] = type == DType.BOOL ? (values.values[j++] != 0 ? 1 : 0) : values.values[j++];
                        }
                    }
                    try (GPUArray g = form.upload(ctx, type, a); GPUArray h = form.upload(ctx, type, a);
                         GPUArray m = DeviceForms.REVERSED.upload(ctx, DType.BOOL, mask);
                         GPUArray v = DeviceForms.STRIDED.upload(ctx, DType.INT32, values)) {
                        g.put(m, fill);
                        h.put(m, v);
                        assertClose(filled, DeviceForms.download(g), 0, 0, what + " scalar");
                        assertClose(assigned, DeviceForms.download(h), 0, 0, what + " values");
                    }
                }
            }
        }
    }

    @Test
    void maskAssignmentBroadcastsValuesAndChecksShapes() {
        try (GPUArray a = ctx.arange(DType.FLOAT32, 12).reshape(3, 4);
             GPUArray rows = ctx.toGpu(new boolean[] {true, false, true});
             GPUArray row = ctx.toGpu(new float[] {-1, -2, -3, -4}); GPUArray one = ctx.toGpu(new float[] {7});
             GPUArray three = ctx.toGpu(new float[] {1, 2, 3}); GPUArray wrong = ctx.zeros(DType.BOOL, 3, 5)) {
            a.put(rows, row);
            assertArrayEquals(new float[] {-1, -2, -3, -4, 4, 5, 6, 7, -1, -2, -3, -4}, a.toFloatArray(),
                    "a mask over rows takes whole rows, values broadcast");
            try (GPUArray big = a.gt(5.0)) {
                a.put(big, one);
            }
            assertArrayEquals(new float[] {-1, -2, -3, -4, 4, 5, 7, 7, -1, -2, -3, -4}, a.toFloatArray());
            try (GPUArray negative = a.lt(0.0)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.put(negative, three));
                assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(8,)"), e.getMessage());
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.get(wrong));
            assertTrue(e.getMessage().contains("(3, 5)") && e.getMessage().contains("(3, 4)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> a.get(row));
            assertTrue(e.getMessage().contains("float32"), e.getMessage());
            try (GPUArray flags = ctx.toGpu(new boolean[] {true, false, true})) {
                flags.put(flags, 0); // the mask is the array itself
                assertArrayEquals(new boolean[] {false, false, false}, flags.toBooleanArray());
            }
        }
    }

    @Test
    void nonzeroMatchesHostOnEveryDtypeShapeAndForm() {
        int turn = 0;
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                if (shape.length == 0) {
                    continue;
                }
                for (DeviceForms form : twoForms(turn++)) {
                    String what = named("nonzero " + type + " " + Arrays.toString(shape) + " " + form);
                    HostNd a = DeviceForms.random(random(what, 0), type, shape, 0.5);
                    checkNonzero(what, type, a, form);
                }
            }
        }
        HostNd large = new HostNd(new long[] {LARGE}, DeviceForms.values(random("nonzero large", LARGE),
                DType.FLOAT32, LARGE, 0.7));
        large.values[12345] = Double.NaN;
        checkNonzero(named("nonzero large"), DType.FLOAT32, large, DeviceForms.REVERSED);
        try (GPUArray scalar = ctx.full(DType.INT32, 3)) {
            assertThrows(IllegalArgumentException.class, scalar::nonzero);
        }
    }

    private void checkNonzero(String what, DType type, HostNd a, DeviceForms form) {
        List<long[]> coords = new ArrayList<>();
        for (int k = 0; k < a.values.length; k++) {
            if (a.values[k] != 0) { // NaN != 0
                coords.add(HostNd.coords(k, a.shape));
            }
        }
        try (GPUArray g = form.upload(ctx, type, a)) {
            GPUArray[] nz = g.nonzero();
            assertEquals(a.ndim(), nz.length, what);
            for (int d = 0; d < nz.length; d++) {
                final int dim = d;
                assertEquals(DType.INT64, nz[d].dtype(), what);
                assertArrayEquals(coords.stream().mapToLong(c -> c[dim]).toArray(), nz[d].toLongArray(),
                        what + ": axis " + d);
                nz[d].close();
            }
            assertEquals(coords.size(), g.countNonzero(), what + ": countNonzero");
        }
    }

    @Test
    void broadcastViewsAreReadInPlaceAndRefusedAsTargets() {
        try (GPUArray row = ctx.toGpu(new float[] {1, 2, 3}); GPUArray rows = row.broadcastTo(4, 3);
             GPUArray col = ctx.toGpu(new float[] {0, 5, 0, 7}, 4, 1); GPUArray cols = col.broadcastTo(4, 3);
             GPUArray pick = ctx.toGpu(new int[] {2, -4}); GPUArray second = ctx.toGpu(new long[] {1});
             GPUArray odd = ctx.toGpu(new boolean[] {true, false, true}); GPUArray oddCols = odd.broadcastTo(4, 3);
             GPUArray picked = rows.take(pick, 0); GPUArray column = rows.take(second, 1);
             GPUArray selected = cols.get(oddCols); GPUArray target = ctx.zeros(DType.FLOAT32, 4, 3)) {
            assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, picked.toFloatArray(), "rows of a broadcast view");
            assertArrayEquals(new long[] {4, 1}, column.shape());
            assertArrayEquals(new float[] {2, 2, 2, 2}, column.toFloatArray());
            assertArrayEquals(new float[] {0, 0, 5, 5, 0, 0, 7, 7}, selected.toFloatArray(),
                    "a broadcast source and a broadcast mask");
            GPUArray[] nz = cols.nonzero();
            assertArrayEquals(new long[] {1, 1, 1, 3, 3, 3}, nz[0].toLongArray());
            assertArrayEquals(new long[] {0, 1, 2, 0, 1, 2}, nz[1].toLongArray());
            nz[0].close();
            nz[1].close();
            assertEquals(6, cols.countNonzero());
            target.put(oddCols, 9);
            assertArrayEquals(new float[] {9, 0, 9, 9, 0, 9, 9, 0, 9, 9, 0, 9}, target.toFloatArray());
            assertThrows(IllegalArgumentException.class, () -> rows.put(pick, 0, 0), "a broadcast view is read-only");
            assertThrows(IllegalArgumentException.class, () -> rows.put(oddCols, 0));
        }
    }

    @Test
    void countNonzeroOfScalarsEmptiesAndNaN() {
        try (GPUArray scalar = ctx.full(DType.FLOAT64, Double.NaN); GPUArray zero = ctx.full(DType.INT64, 0);
             GPUArray empty = ctx.zeros(DType.FLOAT32, 0, 3);
             GPUArray mixed = ctx.toGpu(new float[] {0, -0f, Float.NaN, 1, Float.POSITIVE_INFINITY})) {
            assertEquals(1, scalar.countNonzero(), "NaN is nonzero");
            assertEquals(0, zero.countNonzero());
            assertEquals(0, empty.countNonzero());
            assertEquals(3, mixed.countNonzero(), "-0.0 is zero");
        }
    }

    /** {@code shape[:axis] + indices + shape[axis+1:]}. */
    private static long[] gathered(long[] shape, long[] indices, int axis) {
        long[] s = new long[shape.length - 1 + indices.length];
        System.arraycopy(shape, 0, s, 0, axis);
        System.arraycopy(indices, 0, s, axis, indices.length);
        System.arraycopy(shape, axis + 1, s, axis + indices.length, shape.length - axis - 1);
        return s;
    }

    /** The source coordinates of gathered coordinates {@code c}: the index at {@code c[axis:axis+k]}, wrapped. */
    private static long[] sourceCoords(long[] c, int axis, int k, HostNd idx, long len) {
        long[] s = new long[c.length - k + 1];
        System.arraycopy(c, 0, s, 0, axis);
        long i = (long) idx.at(Arrays.copyOfRange(c, axis, axis + k));
        s[axis] = i < 0 ? i + len : i;
        System.arraycopy(c, axis + k, s, axis + 1, c.length - axis - k);
        return s;
    }

    private static int flat(long[] c, long[] shape) {
        long f = 0;
        for (int d = 0; d < shape.length; d++) {
            f = f * shape[d] + c[d];
        }
        return (int) f;
    }
}
