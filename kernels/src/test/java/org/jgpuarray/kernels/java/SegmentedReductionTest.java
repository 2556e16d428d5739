package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * Generated segmented reductions run directly: every output over every inner position, by each of the three
 * entry points (one output after another, tiles of outputs, a part of one output), with one and two inner
 * dimensions, reversed strides and an empty inner extent, against sums computed here; tiles of outputs over
 * ranges of inner positions, combined in order.
 */
class SegmentedReductionTest {
    private static JavaSegmentedReductionKernel kernel(int ndim, int outer, String map) {
        IndexSpace space = new IndexSpace(ndim, List.of("x"));
        ReductionSpec spec = new ReductionSpec("seg", ScalarType.INT64, "0", "a + b", map,
                ArgumentList.parse("int *x, " + space.declaration()), "", space, outer);
        return Compiled.instance(JavaSourceGenerator.reduction(spec), JavaSegmentedReductionKernel.class);
    }

    private static Object[] args(int[] x, long[] shape, long offset, long[] strides) {
        Object[] args = new Object[2 + 2 * shape.length];
        args[0] = x;
        int k = 1;
        for (long s : shape) {
            args[k++] = s;
        }
        args[k++] = offset;
        for (long t : strides) {
            args[k++] = t;
        }
        return args;
    }

    @Test
    void sumsOfColumnsAndRowsOfAMatrixByEveryEntryPoint() {
        int rows = 70;
        int cols = 9;
        int[] x = new Random(7).ints(rows * cols, -50, 50).toArray();
        JavaSegmentedReductionKernel k = kernel(2, 1, "(long) x[jga_at_x]");
        // outputs are columns (stride 1), each over the rows (stride cols)
        Object[] columns = args(x, new long[] {cols, rows}, 0, new long[] {1, cols});
        long[] expected = new long[cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                expected[c] += x[r * cols + c];
            }
        }
        long[] along = new long[cols];
        long[] across = new long[cols];
        k.reduceAlong(columns, rows, 0, cols, along);
        k.reduceAcross(columns, rows, 0, cols, across);
        assertArrayEquals(expected, along, "one column after another");
        assertArrayEquals(expected, across, "tiles of columns");
        for (int c = 0; c < cols; c++) {
            long parts = (Long) k.combine(k.reducePart(columns, rows, c, 0, 33), k.reducePart(columns, rows, c, 33, rows));
            assertEquals(expected[c], parts, "column " + c + " in two parts");
        }
    }

    @Test
    void twoInnerDimensionsReversedAndEmpty() {
        int[] x = new Random(8).ints(4 * 5 * 6, -50, 50).toArray();
        JavaSegmentedReductionKernel k = kernel(3, 1, "(long) x[jga_at_x] * (i + 1)");
        // outputs along the first axis; inner axes 1 and 2 of a (4, 5, 6) array, axis 2 reversed
        Object[] a = args(x, new long[] {4, 5, 6}, 5, new long[] {30, 6, -1});
        long[] expected = new long[4];
        for (int o = 0; o < 4; o++) {
            for (int j = 0; j < 30; j++) {
                expected[o] += (long) x[o * 30 + (j / 6) * 6 + 5 - j % 6] * (j + 1);
            }
        }
        long[] along = new long[4];
        long[] across = new long[4];
        k.reduceAlong(a, 30, 0, 4, along);
        k.reduceAcross(a, 30, 0, 4, across);
        assertArrayEquals(expected, along);
        assertArrayEquals(expected, across);
        assertEquals(expected[2], (Long) k.combine(k.reducePart(a, 30, 2, 0, 7), k.reducePart(a, 30, 2, 7, 30)));
        long[] none = {-1, -1, -1, -1};
        k.reduceAcross(args(x, new long[] {4, 5, 0}, 0, new long[] {30, 6, 1}), 0, 0, 4, none);
        assertArrayEquals(new long[4], none, "an empty inner extent gives the neutral value");
    }

    @Test
    void tilesOverRangesOfInnerPositionsCombineToTheWhole() {
        int rows = 203;
        int cols = 1031;
        long seed = 9;
        int[] x = new Random(seed).ints(rows * cols, -50, 50).toArray();
        JavaSegmentedReductionKernel k = kernel(2, 1, "(long) x[jga_at_x] * (i + 1)");
        Object[] columns = args(x, new long[] {cols, rows}, 0, new long[] {1, cols});
        long[] expected = new long[cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                expected[c] += (long) x[r * cols + c] * (r + 1);
            }
        }
        int[] cuts = {0, 1, 64, 65, 150, rows};
        long[] total = new long[cols];
        java.util.Arrays.fill(total, Long.MIN_VALUE);
        for (int p = 0; p + 1 < cuts.length; p++) {
            long[] part = new long[cols];
            java.util.Arrays.fill(part, Long.MIN_VALUE); // poisoned: every output must be written
            k.reduceAcross(columns, rows, 0, cols, cuts[p], cuts[p + 1], part);
            if (p == 0) {
                total = part;
            } else {
                k.combineInto(total, part, 0, cols);
            }
        }
        assertArrayEquals(expected, total, "rows in parts " + java.util.Arrays.toString(cuts) + ", seed " + seed);
        long[] some = new long[cols];
        long[] whole = new long[cols];
        k.reduceAcross(columns, rows, 0, cols, 0, rows, whole);
        k.reduceAcross(columns, rows, 0, cols, 0, rows, some);
        k.combineInto(some, whole, 5, 9);
        for (int c = 0; c < cols; c++) {
            assertEquals(c >= 5 && c < 9 ? 2 * expected[c] : expected[c], some[c], "combineInto touches [5, 9) only");
        }
    }
}
