package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.conformance.AxisCase.View;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reductions along axes ({@code sum}, {@code prod}, {@code max}, {@code min}, {@code mean}, {@code var},
 * {@code std}, {@code argmax}, {@code argmin}, {@code any}, {@code all}) for every dtype, on awkward shapes
 * (0-d, empty, one element, a million, three dimensions with a long middle axis), every set of axes (each,
 * negative, pairs, all) with and without keepdims, on contiguous, transposed, negative-step and broadcast views,
 * against {@link HostAxes} in float64. The data are small integers (multiples of 1/8 for float64) and powers of
 * two for products, so sums and products are exact in every order and any mismatch is a bug; ties are frequent,
 * which checks that argmax and argmin return the first index.
 */
public abstract class AxisReductionConformance extends ConformanceBase {
    private static final long[][] SHAPES = {{}, {0}, {1}, {3}, {0, 5}, {5, 0}, {1000003}, {7, 1000, 3}, {4096, 3},
        {2, 3, 4, 5}};
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64};

    /** The operations, as the device runs them and as the host model computes them. */
    enum Op {
        SUM, PROD, MAX, MIN, MEAN, VAR, STD, VAR_DDOF1, ARGMAX, ARGMIN, ANY, ALL;

        GPUArray run(GPUArray x, boolean keepdims, int[] axes) {
            return switch (this) {
                case SUM -> x.sum(keepdims, axes);
                case PROD -> x.prod(keepdims, axes);
                case MAX -> x.max(keepdims, axes);
                case MIN -> x.min(keepdims, axes);
                case MEAN -> x.mean(keepdims, axes);
                case VAR -> x.var(keepdims, axes);
                case STD -> x.std(keepdims, axes);
                case VAR_DDOF1 -> x.var(1, keepdims, axes);
                case ARGMAX -> x.argmax(keepdims, axes);
                case ARGMIN -> x.argmin(keepdims, axes);
                case ANY -> x.any(keepdims, axes);
                case ALL -> x.all(keepdims, axes);
            };
        }

        /** NumPy's result dtype (sums and products of integers in int64, statistics of integers in float64). */
        DType resultType(DType x) {
            return switch (this) {
                case SUM, PROD -> x.isFloatingPoint() ? x : DType.INT64;
                case MAX, MIN -> x;
                case MEAN, VAR, STD, VAR_DDOF1 -> x.isFloatingPoint() ? x : DType.FLOAT64;
                case ARGMAX, ARGMIN -> DType.INT64;
                case ANY, ALL -> DType.BOOL;
            };
        }

        /** True for the reductions without identity: an empty reduced axis is an error. */
        boolean needsElements() {
            return this == MAX || this == MIN || this == ARGMAX || this == ARGMIN;
        }

        double host(double[] s) {
            return switch (this) {
                case SUM -> HostAxes.sum(s);
                case PROD -> HostAxes.prod(s);
                case MAX -> HostAxes.extremum(s, true);
                case MIN -> HostAxes.extremum(s, false);
                case MEAN -> HostAxes.mean(s);
                case VAR -> HostAxes.var(s, 0);
                case STD -> Math.sqrt(HostAxes.var(s, 0));
                case VAR_DDOF1 -> HostAxes.var(s, 1);
                case ARGMAX -> HostAxes.argExtremum(s, true);
                case ARGMIN -> HostAxes.argExtremum(s, false);
                case ANY -> HostAxes.any(s) ? 1 : 0;
                case ALL -> HostAxes.all(s) ? 1 : 0;
            };
        }

        /** Exact integer results: int64 sums and products (wrapping) and indices. */
        long hostLong(double[] s) {
            return switch (this) {
                case SUM -> HostAxes.longSum(s);
                case PROD -> HostAxes.longProd(s);
                default -> (long) host(s);
            };
        }

        /** The relative tolerance of a floating-point result. */
        double tolerance(DType result) {
            boolean single = result == DType.FLOAT32;
            return switch (this) {
                case VAR, STD, VAR_DDOF1 -> single ? 1e-4 : 1e-10;
                default -> single ? 1e-6 : 1e-12;
            };
        }
    }

    /**
     * The dtypes the every-op test runs: all four here; a backend whose kernels compile slowly (PoCL builds
     * each with LLVM) may run fewer, as the generated source differs between dtypes only in its types.
     */
    protected DType[] everyOpDtypes() {
        return DTYPES.clone();
    }

    @TestFactory
    Stream<DynamicTest> everyOpDtypeShapeAxesAndView() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DType dtype : everyOpDtypes()) {
            for (long[] shape : SHAPES) {
                tests.add(DynamicTest.dynamicTest(dtype.numpyName() + " " + Arrays.toString(shape),
                        () -> checkEveryOp(dtype, shape)));
            }
        }
        return tests.stream();
    }

    private void checkEveryOp(DType dtype, long[] shape) {
        if (dtype == DType.FLOAT64) {
            assumeFp64();
        }
        long seed = (dtype.numpyName() + Arrays.toString(shape)).hashCode();
        List<String> failures = new ArrayList<>();
        for (View view : View.values()) {
            Random r = new Random(seed + view.ordinal());
            try (AxisCase values = AxisCase.of(ctx, dtype, shape, view, (k, n) -> smallInteger(r, dtype));
                 AxisCase factors = AxisCase.of(ctx, dtype, shape, view, (k, n) -> factor(r, dtype, view, n));
                 AxisCase sparse = AxisCase.of(ctx, dtype, shape, view, (k, n) -> r.nextBoolean() ? 0 : 1 + r.nextInt(3))) {
                for (int[] axes : AxisCase.axisSets(shape.length)) {
                    boolean[] reduced = AxisCase.reduced(shape.length, axes);
                    double[][] valueSegments = HostAxes.segments(values.host, reduced);
                    double[][] factorSegments = HostAxes.segments(factors.host, reduced);
                    double[][] sparseSegments = HostAxes.segments(sparse.host, reduced);
                    for (boolean keepdims : keepdimsFor(view)) {
                        for (Op op : Op.values()) {
                            AxisCase c = op == Op.PROD ? factors : op == Op.ANY || op == Op.ALL ? sparse : values;
                            double[][] segments = op == Op.PROD ? factorSegments
                                    : op == Op.ANY || op == Op.ALL ? sparseSegments : valueSegments;
                            check(op, c, segments, axes, reduced, keepdims, failures);
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " mismatches (seed " + seed + "), the first:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    /**
     * Both settings of keepdims on contiguous and transposed views; without on the others (keepdims changes only
     * the result's shape, which depends on the view only through its memory order, which these two vary).
     */
    private static boolean[] keepdimsFor(View view) {
        return view == View.CONTIGUOUS || view == View.TRANSPOSED ? new boolean[] {false, true} : new boolean[] {false};
    }

    private static double smallInteger(Random r, DType dtype) {
        return dtype == DType.FLOAT64 ? (r.nextInt(129) - 64) / 8.0 : r.nextInt(17) - 8;
    }

    /**
     * Factors whose products stay exact in any order: ±1 and, rarely enough that no partial product overflows, 2 and
     * 1/2 (3 and -2 for integers, whose products wrap the same way in any order); only ±1 for floats broadcast
     * (repeated thousands of times).
     */
    private static double factor(Random r, DType dtype, View view, int n) {
        boolean repeated = view == View.BROADCAST && dtype.isFloatingPoint();
        double rare = repeated ? 0 : Math.min(0.25, 0.5 / Math.sqrt(Math.max(n, 1)));
        double u = r.nextDouble();
        if (u < rare) {
            return dtype.isFloatingPoint() ? 2 : 3;
        }
        if (u < 2 * rare) {
            return dtype.isFloatingPoint() ? 0.5 : -2;
        }
        return r.nextBoolean() ? 1 : -1;
    }

    private static void check(Op op, AxisCase c, double[][] segments, int[] axes, boolean[] reduced, boolean keepdims,
                              List<String> failures) {
        String what = op + " of " + c + " along " + Arrays.toString(axes) + (keepdims ? " keepdims" : "");
        long[] shape = c.array.shape();
        if ((op == Op.ARGMAX || op == Op.ARGMIN) && axes.length > 1) {
            return;
        }
        boolean emptyAxis = false;
        for (int d = 0; d < shape.length; d++) {
            emptyAxis |= reduced[d] && shape[d] == 0;
        }
        if (op.needsElements() && emptyAxis) {
            try (GPUArray unexpected = op.run(c.array, keepdims, axes)) {
                failures.add(what + ": reducing an empty axis without identity gave " + unexpected);
            } catch (IllegalArgumentException expected) {
                if (!expected.getMessage().contains("zero-size")) {
                    failures.add(what + ": unclear message '" + expected.getMessage() + "'");
                }
            }
            return;
        }
        try (GPUArray result = op.run(c.array, keepdims, axes)) {
            DType type = op.resultType(c.array.dtype());
            long[] expectedShape = AxisCase.resultShape(shape, reduced, keepdims);
            if (!Arrays.equals(expectedShape, result.shape()) || result.dtype() != type) {
                failures.add(what + ": " + result + ", expected " + type.numpyName() + " "
                        + Arrays.toString(expectedShape));
                return;
            }
            compare(op, type, segments, result, what, failures);
        } catch (RuntimeException | AssertionError e) {
            failures.add(what + ": " + e);
        }
    }

    private static void compare(Op op, DType type, double[][] segments, GPUArray result, String what,
                                List<String> failures) {
        if (type == DType.INT64) {
            long[] actual = result.toLongArray();
            for (int o = 0; o < segments.length; o++) {
                if (actual[o] != op.hostLong(segments[o])) {
                    failures.add(what + ": output " + o + " is " + actual[o] + ", expected " + op.hostLong(segments[o]));
                    return;
                }
            }
            return;
        }
        if (type == DType.BOOL) {
            boolean[] actual = result.toBooleanArray();
            for (int o = 0; o < segments.length; o++) {
                if (actual[o] != (op.host(segments[o]) != 0)) {
                    failures.add(what + ": output " + o + " is " + actual[o]);
                    return;
                }
            }
            return;
        }
        double[] actual = result.toDoubleArray();
        double[] expected = new double[segments.length];
        for (int o = 0; o < segments.length; o++) {
            expected[o] = op.host(segments[o]);
        }
        try {
            assertClose(expected, actual, op.tolerance(type), 0, what);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    @Test
    void nanPropagatesAndArgExtremaFindTheFirstNaN() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            if (dtype == DType.FLOAT64 && !ctx.device().fp64()) {
                continue;
            }
            for (long[] shape : new long[][] {{5, 7}, {1000003}, {4, 300, 3}}) {
                Random r = random("nan" + dtype + Arrays.toString(shape), (int) AxisCase.size(shape));
                int n = (int) AxisCase.size(shape);
                try (AxisCase c = AxisCase.of(ctx, dtype, shape, View.TRANSPOSED,
                        (k, size) -> r.nextInt(1 + size / 4) == 0 ? Double.NaN : r.nextInt(9) - 4)) {
                    List<String> failures = new ArrayList<>();
                    for (int[] axes : AxisCase.axisSets(shape.length)) {
                        boolean[] reduced = AxisCase.reduced(shape.length, axes);
                        double[][] segments = HostAxes.segments(c.host, reduced);
                        for (Op op : new Op[] {Op.MAX, Op.MIN, Op.ARGMAX, Op.ARGMIN, Op.SUM, Op.MEAN, Op.ANY, Op.ALL}) {
                            check(op, c, segments, axes, reduced, false, failures);
                        }
                    }
                    assertTrue(failures.isEmpty(), () -> n + " elements: " + String.join("\n", failures));
                }
            }
        }
    }

    @Test
    void integerSumsUseAllSixtyFourBits() {
        long[] shape = {300, 7};
        Random r = random("wide", 2100);
        for (DType dtype : new DType[] {DType.INT64, DType.INT32}) {
            try (AxisCase c = AxisCase.of(ctx, dtype, shape, View.NEGATIVE_STEP, (k, n) -> dtype == DType.INT64
                    ? (double) ((r.nextLong() >> 14) & ~1023L) : Integer.MAX_VALUE - r.nextInt(1000))) {
                for (int[] axes : AxisCase.axisSets(2)) {
                    boolean[] reduced = AxisCase.reduced(2, axes);
                    double[][] segments = HostAxes.segments(c.host, reduced);
                    try (GPUArray sum = c.array.sum(axes)) {
                        long[] actual = sum.toLongArray();
                        for (int o = 0; o < segments.length; o++) {
                            assertEquals(HostAxes.longSum(segments[o]), actual[o], dtype + " sum along "
                                    + Arrays.toString(axes) + ", output " + o);
                        }
                    }
                }
            }
        }
    }

    @Test
    void boolArraysCountAndTest() {
        boolean[] data = new boolean[60];
        Random r = random("bools", 60);
        for (int k = 0; k < data.length; k++) {
            data[k] = r.nextInt(3) == 0;
        }
        try (GPUArray b = ctx.toGpu(data, 3, 4, 5); GPUArray count = b.sum(1); GPUArray any = b.any(2);
             GPUArray all = b.all(true, 0, 2); GPUArray mean = b.mean(0)) {
            assertEquals(DType.INT64, count.dtype());
            assertEquals(DType.FLOAT64, mean.dtype());
            long[] counts = count.toLongArray();
            boolean[] anyValues = any.toBooleanArray();
            double[] means = mean.toDoubleArray();
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 5; k++) {
                    long c = 0;
                    for (int j = 0; j < 4; j++) {
                        c += data[i * 20 + j * 5 + k] ? 1 : 0;
                    }
                    assertEquals(c, counts[i * 5 + k], "count at " + i + ", " + k);
                }
                for (int j = 0; j < 4; j++) {
                    boolean a = false;
                    for (int k = 0; k < 5; k++) {
                        a |= data[i * 20 + j * 5 + k];
                    }
                    assertEquals(a, anyValues[i * 4 + j], "any at " + i + ", " + j);
                }
            }
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 5; k++) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s += data[i * 20 + j * 5 + k] ? 1 : 0;
                    }
                    assertEquals(s / 3, means[j * 5 + k], 1e-15, "mean at " + j + ", " + k);
                }
            }
            assertArrayEquals(new long[] {1, 4, 1}, all.shape());
        }
    }

    @Test
    void badAxesNameTheAxisAndTheShape() {
        try (GPUArray x = ctx.zeros(DType.FLOAT32, 3, 4); GPUArray scalar = ctx.zeros(DType.FLOAT32, 1).reshape()) {
            expectMessage(() -> x.sum(2), "axis 2", "(3, 4)");
            expectMessage(() -> x.max(-3), "axis -3", "(3, 4)");
            expectMessage(() -> x.mean(1, -1), "axis -1", "given twice", "(3, 4)");
            expectMessage(() -> x.prod(true, 0, 0), "axis 0", "given twice");
            expectMessage(() -> x.argmax(0, 1), "one axis", "(3, 4)");
            expectMessage(() -> scalar.sum(0), "axis 0", "()");
            expectMessage(() -> x.var(1, false, 5), "axis 5", "(3, 4)");
        }
        try (GPUArray empty = ctx.zeros(DType.INT32, 0, 3); GPUArray fine = empty.max(1)) {
            assertArrayEquals(new long[] {0}, fine.shape(), "max over a non-empty axis of an empty array is empty");
            expectMessage(() -> empty.max(0), "zero-size", "axis 0", "(0, 3)");
            expectMessage(() -> empty.argmin(), "zero-size");
        }
    }

    @Test
    void complexReductionsAreRefusedByName() {
        for (DType t : new DType[] {DType.COMPLEX64, DType.COMPLEX128}) {
            try (GPUArray z = ctx.zeros(t, 3, 2)) {
                Map<String, Runnable> calls = new LinkedHashMap<>();
                calls.put("sum", () -> z.sum(0));
                calls.put("prod", z::prod);
                calls.put("max", () -> z.max(1));
                calls.put("min", () -> z.min(true, 0));
                calls.put("mean", () -> z.mean(0));
                calls.put("var", () -> z.var(1));
                calls.put("argmax", () -> z.argmax(0));
                calls.put("any", () -> z.any(0));
                calls.put("all", z::all);
                calls.forEach((op, call) -> {
                    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call::run, op);
                    assertEquals(op + " of " + t.numpyName() + " arrays is not supported", e.getMessage());
                });
            }
        }
    }

    private static void expectMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }
}
