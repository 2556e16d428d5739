package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/**
 * NumPy's {@code matmul} ({@code GPUArray.matmul}, {@code ctx.blas().matmul}) against {@link HostMatmul}:
 * every pair of bool, int32, int64, float32 and float64 operands with NumPy's result type; matrix sizes
 * 0, 1, 3, 17, 64 and 129; batch axes broadcast against each other; 1-D operands; transposed, strided,
 * reversed and offset views ({@link DevicePlacement}, their unused elements poisoned); integer products
 * that wrap (exact references in Java int and long arithmetic); results written into {@code out} arrays
 * poisoned first; and the errors, which quote both shapes.
 */
public abstract class MatmulConformance extends ConformanceBase {
    private static final DType[] TYPES = {DType.BOOL, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64};
    private static final DType[] NUMERIC = {DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64};
    private static final int[] SIZES = {0, 1, 3, 17, 64, 129};

    @Test
    void everyPairOfDtypesGivesNumPysResultType() {
        long[][][] shapes = {{{3, 17}, {17, 5}}, {{2, 1, 3, 4}, {5, 4, 6}}, {{17}, {17, 3}}, {{4, 3}, {3}}, {{9}, {9}}};
        for (DType ta : TYPES) {
            for (DType tb : TYPES) {
                if (!runs(HostMatmul.resultType(ta, tb))) {
                    continue;
                }
                for (long[][] s : shapes) {
                    Random r = random("pair " + ta + tb, Arrays.deepHashCode(s));
                    check(HostMatmul.random(r, ta, false, s[0]), DevicePlacement.CONTIGUOUS,
                            HostMatmul.random(r, tb, false, s[1]), DevicePlacement.CONTIGUOUS);
                }
            }
        }
    }

    @Test
    void everySizeOfEachDimension() {
        for (DType t : NUMERIC) {
            if (!runs(t)) {
                continue;
            }
            for (int s : SIZES) {
                int[][] mnk = {{s, s, s}, {s, 3, 17}, {17, s, 3}, {3, 17, s}};
                for (int[] d : mnk) {
                    Random r = random("size " + t + Arrays.toString(d), s);
                    check(HostMatmul.random(r, t, false, d[0], d[2]), DevicePlacement.CONTIGUOUS,
                            HostMatmul.random(r, t, false, d[2], d[1]), DevicePlacement.CONTIGUOUS);
                }
            }
        }
    }

    @Test
    void batchAxesBroadcast() {
        long[][][] shapes = {
            {{2, 1, 3, 4}, {5, 4, 6}}, {{7, 3, 4}, {7, 4, 2}}, {{1, 3, 4}, {7, 4, 2}}, {{7, 3, 4}, {1, 4, 2}},
            {{7, 3, 4}, {4, 2}}, {{3, 4}, {2, 3, 4, 5}}, {{4}, {2, 3, 4, 5}}, {{3, 2, 5, 4}, {4}},
            {{2, 3, 1, 17, 3}, {3, 4, 3, 17}}, {{6, 1, 1, 2}, {1, 5, 2, 3}}, {{0, 3, 4}, {4, 5}},
            {{2, 0, 4}, {2, 4, 3}}, {{6, 3, 0}, {6, 0, 2}}, {{3, 1, 64, 65}, {1, 2, 65, 1}}};
        for (DType t : NUMERIC) {
            if (!runs(t)) {
                continue;
            }
            for (long[][] s : shapes) {
                Random r = random("batch " + t, Arrays.deepHashCode(s));
                check(HostMatmul.random(r, t, false, s[0]), DevicePlacement.CONTIGUOUS,
                        HostMatmul.random(r, t, false, s[1]), DevicePlacement.CONTIGUOUS);
            }
        }
    }

    /** NumPy's {@code dot} of arrays with more than two dimensions: last axis times second-to-last. */
    @Test
    void dotOfManyDimensions() {
        long[][][] shapes = {{{2, 3, 4}, {4, 5}}, {{2, 3, 4}, {3, 4, 5}}, {{4}, {2, 4, 3}}, {{2, 3, 4}, {4}},
            {{2, 0, 4}, {4, 3}}, {{3, 1, 2, 5}, {2, 5, 3}}, {{2, 3, 0}, {1, 0, 2}}};
        for (DType t : new DType[] {DType.INT64, DType.FLOAT64}) {
            if (!runs(t)) {
                continue;
            }
            for (long[][] s : shapes) {
                Random r = random("nd dot " + t, Arrays.deepHashCode(s));
                double[] a = integers(r, s[0]);
                double[] b = integers(r, s[1]);
                double[] expected = hostDot(a, s[0], b, s[1]);
                try (GPUArray ga = upload(t, a, s[0]); GPUArray gb = upload(t, b, s[1]); GPUArray d = ga.dot(gb)) {
                    assertEquals(t, d.dtype());
                    assertArrayEquals(dotShape(s[0], s[1]), d.shape(), Arrays.deepToString(s));
                    assertArrayEquals(expected, values(d), 0, Arrays.deepToString(s));
                }
            }
        }
    }

    /** The left operand a transposed view, the right one a reversed slice: the same answer as copies. */
    @Test
    void dotOfManyDimensionsTakesViews() {
        if (!runs(DType.FLOAT64)) {
            return;
        }
        Random r = random("nd dot views", 1);
        double[] a = integers(r, 4, 3, 2);
        double[] b = integers(r, 3, 4, 6);
        try (GPUArray ga = upload(DType.FLOAT64, a, 4, 3, 2); GPUArray at = ga.transpose();
             GPUArray gb = upload(DType.FLOAT64, b, 3, 4, 6); GPUArray bv = gb.get("::-1, :, ::2");
             GPUArray d = at.dot(bv); GPUArray ca = at.ascontiguous(); GPUArray cb = bv.ascontiguous()) {
            double[] expected = hostDot(ca.toDoubleArray(), ca.shape(), cb.toDoubleArray(), cb.shape());
            assertArrayEquals(new long[] {2, 3, 3, 3}, d.shape());
            assertArrayEquals(expected, d.toDoubleArray(), 0);
        }
    }

    @Test
    void dotOfMisalignedShapesNamesBoth() {
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 2, 3, 4); GPUArray b = ctx.zeros(DType.FLOAT32, 2, 5, 6)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.dot(b));
            assertTrue(e.getMessage().contains("(2, 3, 4)") && e.getMessage().contains("(2, 5, 6)"), e.getMessage());
        }
    }

    @Test
    void dotWithAScalarIsTheProduct() {
        try (GPUArray a = ctx.toGpu(new float[] {1, -2, 3, 4}, 2, 2); GPUArray s = ctx.toGpu(new float[] {2.5f});
             GPUArray s0 = s.reshape(); GPUArray d = a.dot(s0); GPUArray e = s0.dot(a)) {
            assertArrayEquals(new float[] {2.5f, -5, 7.5f, 10}, d.toFloatArray(), 0);
            assertArrayEquals(new float[] {2.5f, -5, 7.5f, 10}, e.toFloatArray(), 0);
        }
    }

    private GPUArray upload(DType t, double[] values, long... shape) {
        return t == DType.INT64 ? ctx.toGpu(Arrays.stream(values).mapToLong(v -> (long) v).toArray(), shape)
                : ctx.toGpu(values, shape);
    }

    private static double[] values(GPUArray a) {
        return a.dtype() == DType.INT64 ? Arrays.stream(a.toLongArray()).asDoubleStream().toArray() : a.toDoubleArray();
    }

    private static double[] integers(Random r, long... shape) {
        double[] v = new double[(int) Arrays.stream(shape).reduce(1, (x, y) -> x * y)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(19) - 9;
        }
        return v;
    }

    private static long[] dotShape(long[] sa, long[] sb) {
        long[] shape = new long[sa.length - 1 + sb.length - 1];
        System.arraycopy(sa, 0, shape, 0, sa.length - 1);
        int next = sa.length - 1;
        for (int axis = 0; axis < sb.length; axis++) {
            if (axis != (sb.length == 1 ? 0 : sb.length - 2)) {
                shape[next++] = sb[axis];
            }
        }
        return shape;
    }

    /** dot(a, b)[i..., j..., m] = sum over k of a[i..., k] * b[j..., k, m], from row-major host values. */
    private static double[] hostDot(double[] a, long[] sa, double[] b, long[] sb) {
        int k = (int) sa[sa.length - 1];
        int rows = k == 0 ? (int) Arrays.stream(sa).limit(sa.length - 1).reduce(1, (x, y) -> x * y) : a.length / k;
        int m = sb.length == 1 ? 1 : (int) sb[sb.length - 1];
        int batches = sb.length <= 2 ? 1 : (int) Arrays.stream(sb).limit(sb.length - 2).reduce(1, (x, y) -> x * y);
        double[] out = new double[rows * batches * m];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < batches; j++) {
                for (int c = 0; c < m; c++) {
                    double sum = 0;
                    for (int q = 0; q < k; q++) {
                        sum += a[i * k + q] * b[(j * k + q) * m + c];
                    }
                    out[(i * batches + j) * m + c] = sum;
                }
            }
        }
        return out;
    }

    @Test
    void viewsAsOperands() {
        long[][][] shapes = {{{17, 3}, {3, 64}}, {{3, 5, 4}, {3, 4, 6}}, {{2, 1, 3, 4}, {5, 4, 6}}, {{129, 1}, {1, 3}},
            {{4}, {4, 3}}, {{5, 4}, {4}}, {{6}, {6}}, {{2, 3, 0}, {2, 0, 3}}};
        for (DType t : NUMERIC) {
            if (!runs(t)) {
                continue;
            }
            for (long[][] s : shapes) {
                for (DevicePlacement pa : DevicePlacement.values()) {
                    for (DevicePlacement pb : DevicePlacement.values()) {
                        if (pa.appliesTo(s[0].length) && pb.appliesTo(s[1].length)) {
                            Random r = random("views " + t + pa + pb, Arrays.deepHashCode(s));
                            check(HostMatmul.random(r, t, false, s[0]), pa, HostMatmul.random(r, t, false, s[1]), pb);
                        }
                    }
                }
            }
        }
    }

    @Test
    void viewsOfMixedTypes() {
        for (DType[] types : new DType[][] {{DType.INT32, DType.INT64}, {DType.INT64, DType.FLOAT32},
            {DType.BOOL, DType.INT32}, {DType.FLOAT32, DType.FLOAT64}}) {
            if (!runs(HostMatmul.resultType(types[0], types[1]))) {
                continue;
            }
            Random r = random("mixed views " + types[0] + types[1], 1);
            check(HostMatmul.random(r, types[0], false, 4, 3, 17), DevicePlacement.TRANSPOSED,
                    HostMatmul.random(r, types[1], false, 17, 5), DevicePlacement.STRIDED);
        }
    }

    /** A broadcast view as an operand: a stride of 0 along its batch axis. */
    @Test
    void broadcastViewAsOperand() {
        for (DType t : NUMERIC) {
            if (!runs(t)) {
                continue;
            }
            Random r = random("broadcastTo " + t, 1);
            HostMatmul.Operand a = HostMatmul.random(r, t, false, 3, 4);
            HostMatmul.Operand b = HostMatmul.random(r, t, false, 5, 4, 2);
            long[] repeated = a.ints() == null ? null : new long[5 * 12];
            double[] repeatedReals = a.reals() == null ? null : new double[5 * 12];
            for (int i = 0; i < 5 * 12; i++) {
                if (repeated != null) {
                    repeated[i] = a.ints()[i % 12];
                } else {
                    repeatedReals[i] = a.reals()[i % 12];
                }
            }
            HostMatmul.Result expected = HostMatmul.matmul(new HostMatmul.Operand(t, new long[] {5, 3, 4}, repeated,
                    repeatedReals), b);
            try (DevicePlacement.Placed ga = DevicePlacement.CONTIGUOUS.place(ctx, a);
                 GPUArray wide = ga.view().broadcastTo(5, 3, 4);
                 DevicePlacement.Placed gb = DevicePlacement.CONTIGUOUS.place(ctx, b);
                 GPUArray c = wide.matmul(gb.view())) {
                assertResult(expected, c, "broadcastTo(5, 3, 4) @ (5, 4, 2) " + t);
            }
        }
    }

    /** Full-range values: int32 and int64 products and sums overflow and must wrap as C's (and NumPy's) do. */
    @Test
    void integerProductsWrap() {
        for (DType t : new DType[] {DType.INT32, DType.INT64}) {
            Random r = new Random(t.ordinal());
            long[] ia = new long[64 * 129];
            long[] ib = new long[129 * 3];
            for (long[] x : new long[][] {ia, ib}) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = t == DType.INT32 ? r.nextInt() : r.nextLong();
                }
            }
            check(new HostMatmul.Operand(t, new long[] {64, 129}, ia, null), DevicePlacement.CONTIGUOUS,
                    new HostMatmul.Operand(t, new long[] {129, 3}, ib, null), DevicePlacement.TRANSPOSED);
        }
        try (GPUArray a = ctx.toGpu(new int[] {Integer.MAX_VALUE, 1}, 1, 2); GPUArray b = ctx.toGpu(new int[] {2, 2}, 2, 1);
             GPUArray c = a.matmul(b)) {
            assertEquals(2 * Integer.MAX_VALUE + 2, c.toIntArray()[0], "2^31 - 1 times 2 plus 2 wraps to 0");
        }
    }

    @Test
    void boolProductsAreAnyOfAnds() {
        boolean[] a = {true, false, false, false, true, true};
        boolean[] b = {false, true, true, false, false, false};
        try (GPUArray ga = ctx.toGpu(a, 2, 3); GPUArray gb = ctx.toGpu(b, 3, 2); GPUArray c = ga.matmul(gb)) {
            assertEquals(DType.BOOL, c.dtype());
            assertArrayEquals(new boolean[] {false, true, true, false}, c.toBooleanArray());
        }
    }

    /** {@code out} of the result's shape and dtype, poisoned first: contiguous, a strided view, an offset view. */
    @Test
    void resultsIntoPoisonedOut() {
        for (DType t : TYPES) {
            if (!runs(t)) {
                continue;
            }
            Random r = random("out " + t, 1);
            HostMatmul.Operand a = HostMatmul.random(r, t, false, 2, 17, 3);
            HostMatmul.Operand b = HostMatmul.random(r, t, false, 3, 64);
            HostMatmul.Result expected = HostMatmul.matmul(a, b);
            try (DevicePlacement.Placed ga = DevicePlacement.TRANSPOSED.place(ctx, a);
                 DevicePlacement.Placed gb = DevicePlacement.OFFSET.place(ctx, b)) {
                for (String index : new String[] {"...", "..., ::2", "1:, ...", "..., ::-1, :"}) {
                    long[] baseShape = index.equals("..., ::2") ? new long[] {2, 17, 128}
                            : index.equals("1:, ...") ? new long[] {3, 17, 64} : new long[] {2, 17, 64};
                    try (GPUArray base = poisoned(t, baseShape); GPUArray out = base.get(index)) {
                        assertSame(out, ga.view().matmul(gb.view(), out));
                        assertResult(expected, out, "matmul into out[" + index + "] " + t);
                    }
                }
            }
        }
    }

    /** An out that shares memory with an operand gets the product of the operands as they were. */
    @Test
    void outMayBeAnOperand() {
        Random r = random("out operand", 1);
        HostMatmul.Operand a = HostMatmul.random(r, DType.FLOAT32, false, 17, 17);
        HostMatmul.Result expected = HostMatmul.matmul(a, a);
        try (DevicePlacement.Placed ga = DevicePlacement.CONTIGUOUS.place(ctx, a)) {
            ctx.blas().matmul(ga.view(), ga.view(), ga.view());
            assertResult(expected, ga.view(), "a @ a into a");
        }
    }

    @Test
    void errorsQuoteBothShapes() {
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 2, 3); GPUArray b = ctx.zeros(DType.FLOAT32, 4, 5);
             GPUArray batchA = ctx.zeros(DType.INT32, 2, 3, 4); GPUArray batchB = ctx.zeros(DType.INT32, 5, 4, 6);
             GPUArray scalar = ctx.zeros(DType.FLOAT32); GPUArray v = ctx.zeros(DType.INT64, 4);
             GPUArray out = ctx.zeros(DType.FLOAT32, 2, 4)) {
            assertMessage(() -> a.matmul(b), "(2, 3)", "(4, 5)", "3 (dim 1) != 4 (dim 0)");
            assertMessage(() -> batchA.matmul(batchB), "(2, 3, 4)", "(5, 4, 6)", "(2,) vs (5,)");
            assertMessage(() -> v.matmul(batchA), "(4,)", "(2, 3, 4)", "4 (dim 0) != 3 (dim 1)");
            assertMessage(() -> scalar.matmul(a), "()", "operand 0");
            assertMessage(() -> a.matmul(scalar), "()", "operand 1");
            try (GPUArray c = ctx.zeros(DType.FLOAT32, 3, 4)) {
                assertSame(out, a.matmul(c, out));
                try (GPUArray wrongShape = ctx.zeros(DType.FLOAT32, 4, 2); GPUArray wrongType = ctx.zeros(DType.FLOAT64, 2, 4)) {
                    assertMessage(() -> a.matmul(c, wrongShape), "out has shape (4, 2)", "the result (2, 4)");
                    assertMessage(() -> a.matmul(c, wrongType), "out is float64", "the result float32");
                }
            }
            try (GPUArray z = ctx.toGpuComplex(DType.COMPLEX64, new float[] {1, 0, 2, 0}, 2)) {
                assertMessage(() -> z.matmul(z), "complex64");
            }
        }
    }

    private void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }

    /** Whether this device computes in {@code t} (float64 needs fp64). */
    private boolean runs(DType t) {
        return t != DType.FLOAT64 || ctx.device().fp64();
    }

    /** Places both operands, multiplies, and compares with the host model. */
    private void check(HostMatmul.Operand a, DevicePlacement pa, HostMatmul.Operand b, DevicePlacement pb) {
        String what = a.dtype().numpyName() + Arrays.toString(a.shape()) + " " + pa + " @ " + b.dtype().numpyName()
                + Arrays.toString(b.shape()) + " " + pb;
        HostMatmul.Result expected = HostMatmul.matmul(a, b);
        try (DevicePlacement.Placed ga = pa.place(ctx, a); DevicePlacement.Placed gb = pb.place(ctx, b);
             GPUArray c = ga.view().matmul(gb.view())) {
            assertResult(expected, c, what);
            assertUnchanged(a, ga.view(), what);
            assertUnchanged(b, gb.view(), what);
        }
    }

    /** The operand's values are still there: matmul does not modify its operands. */
    private static void assertUnchanged(HostMatmul.Operand x, GPUArray view, String what) {
        if (x.ints() != null) {
            long[] got = x.dtype() == DType.BOOL ? fromBooleans(view.toBooleanArray()) : view.toLongArray();
            assertArrayEquals(x.ints(), got, what + ": an operand changed");
        } else {
            assertArrayEquals(x.reals(), view.toDoubleArray(), 0, what + ": an operand changed");
        }
    }

    private GPUArray poisoned(DType t, long... shape) {
        GPUArray g = ctx.empty(t, shape);
        return switch (t) {
            case BOOL -> g.fill(1);
            case INT32 -> g.fill(0x5A5A5A5A);
            case INT64 -> g.fill(0x5A5A5A5A5A5A5A5AL);
            default -> g.fill(Double.NaN);
        };
    }

    private static void assertResult(HostMatmul.Result expected, GPUArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        if (expected.ints() != null) {
            long[] got = expected.dtype() == DType.BOOL ? fromBooleans(actual.toBooleanArray()) : actual.toLongArray();
            if (!Arrays.equals(expected.ints(), got)) {
                int i = firstDifference(expected.ints(), got);
                fail(what + ": element " + i + " of " + got.length + " is " + got[i] + ", expected " + expected.ints()[i]);
            }
            return;
        }
        double eps = expected.dtype() == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        double[] got = actual.toDoubleArray();
        assertEquals(expected.reals().length, got.length, what + ": size");
        for (int i = 0; i < got.length; i++) {
            double tol = 2 * (expected.k() + 2) * eps * expected.bound()[i] + Double.MIN_NORMAL;
            if (!(Math.abs(got[i] - expected.reals()[i]) <= tol)) {
                fail(what + ": element " + i + " of " + got.length + " is " + got[i] + ", expected "
                        + expected.reals()[i] + " within " + tol);
            }
        }
    }

    private static long[] fromBooleans(boolean[] b) {
        long[] v = new long[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] ? 1 : 0;
        }
        return v;
    }

    private static int firstDifference(long[] a, long[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return Math.min(a.length, b.length);
    }
}
