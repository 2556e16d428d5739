package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.conformance.AxisCase.View;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Cumulative sums and products along an axis ({@code cumsum(axis)}, {@code cumprod(axis)}) for every dtype, on
 * short rows (one thread each on GPUs), long rows (tiles, several rows at once) and a million elements, along each
 * axis (and a negative one) of contiguous, transposed, negative-step and broadcast views, against prefix sums and
 * products computed on the host in float64 (in wrapping int64 for integers). Small integers and powers of two
 * keep every prefix exact in any grouping.
 */
public abstract class AxisScanConformance extends ConformanceBase {
    private static final long[][] SHAPES = {{}, {0}, {1}, {3}, {0, 5}, {5, 0}, {1000003}, {7, 1000, 3}, {4096, 3},
        {3, 20000}, {2, 3, 4, 5}};
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64};

    @TestFactory
    Stream<DynamicTest> everyAxisDtypeShapeAndView() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DType dtype : DTYPES) {
            for (long[] shape : SHAPES) {
                tests.add(DynamicTest.dynamicTest(dtype.numpyName() + " " + Arrays.toString(shape),
                        () -> checkEveryAxis(dtype, shape)));
            }
        }
        return tests.stream();
    }

    private void checkEveryAxis(DType dtype, long[] shape) {
        if (dtype == DType.FLOAT64) {
            assumeFp64();
        }
        long seed = ("scan" + dtype.numpyName() + Arrays.toString(shape)).hashCode();
        List<String> failures = new ArrayList<>();
        for (View view : View.values()) {
            Random r = new Random(seed + view.ordinal());
            int logical = (int) Math.max(1, AxisCase.size(shape));
            double rare = view == View.BROADCAST ? 0 : Math.min(0.25, 0.5 / Math.sqrt(logical));
            try (AxisCase sums = AxisCase.of(ctx, dtype, shape, view, (k, n) -> r.nextInt(17) - 8);
                 AxisCase factors = AxisCase.of(ctx, dtype, shape, view, (k, n) -> factor(r, dtype, rare))) {
                List<Integer> axes = new ArrayList<>();
                for (int d = 0; d < shape.length; d++) {
                    axes.add(d);
                }
                if (shape.length > 0) {
                    axes.add(-1);
                }
                for (int axis : axes) {
                    check(sums, axis, false, failures);
                    check(factors, axis, true, failures);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " mismatches (seed " + seed + "), the first:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    private static double factor(Random r, DType dtype, double rare) {
        double u = r.nextDouble();
        if (u < rare) {
            return dtype.isFloatingPoint() ? 2 : 3;
        }
        if (u < 2 * rare) {
            return dtype.isFloatingPoint() ? 0.5 : -2;
        }
        return r.nextBoolean() ? 1 : -1;
    }

    private static void check(AxisCase c, int axis, boolean product, List<String> failures) {
        String what = (product ? "cumprod" : "cumsum") + " of " + c + " along " + axis;
        DType type = c.array.dtype().isFloatingPoint() ? c.array.dtype() : DType.INT64;
        try (GPUArray result = product ? c.array.cumprod(axis) : c.array.cumsum(axis)) {
            if (!Arrays.equals(c.array.shape(), result.shape()) || result.dtype() != type) {
                failures.add(what + ": " + result + ", expected " + type.numpyName());
                return;
            }
            double[] values = c.host.values();
            long[] expected = prefixes(values, c.array.shape(), axis, product);
            if (type == DType.INT64) {
                long[] actual = result.toLongArray();
                for (int k = 0; k < actual.length; k++) {
                    if (actual[k] != expected[k]) {
                        failures.add(what + ": element " + k + " is " + actual[k] + ", expected " + expected[k]);
                        return;
                    }
                }
            } else {
                double[] actual = result.toDoubleArray();
                double[] exact = floatPrefixes(values, c.array.shape(), axis, product);
                assertArrayEquals(exact, actual, 0, what);
            }
        } catch (RuntimeException | AssertionError e) {
            failures.add(what + ": " + e.getMessage());
        }
    }

    /** Inclusive prefix sums (products) along {@code axis} of C-order values, in wrapping int64. */
    private static long[] prefixes(double[] values, long[] shape, int axis, boolean product) {
        int a = axis < 0 ? axis + shape.length : axis;
        long inner = 1;
        for (int d = a + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            long v = (long) values[k];
            boolean first = (k / inner) % shape[a] == 0;
            out[k] = first ? v : product ? out[(int) (k - inner)] * v : out[(int) (k - inner)] + v;
        }
        return out;
    }

    /** The same in float64 (exact for the data used). */
    private static double[] floatPrefixes(double[] values, long[] shape, int axis, boolean product) {
        int a = axis < 0 ? axis + shape.length : axis;
        long inner = 1;
        for (int d = a + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        double[] out = values.clone();
        for (int k = 0; k < values.length; k++) {
            long along = (k / inner) % shape[a];
            if (along > 0) {
                double previous = out[(int) (k - inner)];
                out[k] = product ? previous * values[k] : previous + values[k];
            }
        }
        return out;
    }

    @Test
    void flattenedProductAndSumOfAView() {
        try (GPUArray x = ctx.toGpu(new int[] {1, 2, 3, 4, 5, 6}, 2, 3); GPUArray t = x.transpose();
             GPUArray p = t.cumprod(); GPUArray s = t.cumsum()) {
            assertArrayEquals(new long[] {1, 4, 8, 40, 120, 720}, p.toLongArray(), "C order of the transpose");
            assertArrayEquals(new long[] {1, 5, 7, 12, 15, 21}, s.toLongArray());
            assertEquals(1, p.ndim());
        }
    }

    @Test
    void badAxesNameTheAxisAndTheShape() {
        try (GPUArray x = ctx.zeros(DType.FLOAT32, 3, 4); GPUArray scalar = ctx.zeros(DType.FLOAT32, 1).reshape()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.cumsum(2));
            assertTrue(e.getMessage().contains("axis 2") && e.getMessage().contains("(3, 4)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> x.cumprod(-3));
            assertTrue(e.getMessage().contains("axis -3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> scalar.cumsum(0));
            assertTrue(e.getMessage().contains("()"), e.getMessage());
        }
    }
}
