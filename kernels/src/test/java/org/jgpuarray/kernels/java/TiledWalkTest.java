package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.junit.jupiter.api.Test;

/**
 * The tiled walk of generated Java kernels ({@link TileWalk}): operands that run across the rows of the output
 * (transposes, also reversed, mixed with broadcasts), shapes that leave partial tiles and bands (extents 1, 3,
 * 33, 1000 x 7, 7 x 1000, 65 x 17, three dimensions), and ranges split anywhere, each element checked against
 * a reference computed here from the coordinates, in an output poisoned with NaN.
 */
class TiledWalkTest {
    private static final long SEED = 20261207L;
    private static final IndexSpace SPACE2 = new IndexSpace(2, List.of("out", "x", "y"));
    private static final IndexSpace SPACE3 = new IndexSpace(3, List.of("out", "x", "y"));
    private static final JavaElementwiseKernel ADD2 = Compiled.elementwise(spec(SPACE2));
    private static final JavaElementwiseKernel ADD3 = Compiled.elementwise(spec(SPACE3));

    private static ElementwiseSpec spec(IndexSpace space) {
        return new ElementwiseSpec("tiled_add" + space.ndim(),
                ArgumentList.parse("float *out, float *x, float *y, " + space.declaration()),
                "out[jga_at_out] = x[jga_at_x] * 1000 + y[jga_at_y] + 0.5f * i", "", "", "", space);
    }

    @Test
    void transposedOperandsOverAwkwardMatrices() {
        long[][] shapes = {{1, 1}, {1, 3}, {3, 1}, {3, 3}, {33, 33}, {1000, 7}, {7, 1000}, {65, 17}, {64, 16},
            {130, 40}};
        Random r = new Random(SEED);
        for (long[] s : shapes) {
            long rows = s[0];
            long cols = s[1];
            // x: the transpose of a (cols, rows) matrix; y: a broadcast column, then a reversed transpose
            check(ADD2, s, new long[] {rows * cols, 0, 0}, new long[][] {{cols, 1}, {1, rows}, {1, 0}}, r, "x.T + column");
            check(ADD2, s, new long[] {0, (cols - 1) * rows, rows * cols - 1},
                    new long[][] {{cols, 1}, {1, -rows}, {-1, -rows}}, r, "reversed x.T + reversed y.T");
            check(ADD2, s, new long[] {5, 0, 0}, new long[][] {{cols, 1}, {1, rows}, {0, 1}}, r, "x.T + row");
        }
    }

    @Test
    void transposesOfThreeDimensionalArrays() {
        long[][] shapes = {{2, 33, 3}, {3, 70, 33}, {1, 65, 65}, {5, 3, 1000}};
        Random r = new Random(SEED + 1);
        for (long[] s : shapes) {
            long a = s[0];
            long b = s[1];
            long c = s[2];
            // x: the last two axes of an (a, c, b) array swapped; y: a full reversal of a (c, b, a) array
            check(ADD3, s, new long[] {0, 0, 0}, new long[][] {{b * c, c, 1}, {b * c, 1, b}, {1, a, a * b}}, r,
                    "swapaxes + reversed permutation");
            check(ADD3, s, new long[] {3, b * c * (a - 1), 0}, new long[][] {{b * c, c, 1}, {-b * c, 1, b}, {0, 1, 0}},
                    r, "reversed batch of transposes + broadcast");
        }
    }

    /** Runs the kernel over {@code shape} in three random pieces and checks every element of the output. */
    private static void check(JavaElementwiseKernel k, long[] shape, long[] offsets, long[][] strides, Random r,
                              String what) {
        int n = (int) Arrays.stream(shape).reduce(1, (p, q) -> p * q);
        float[] x = values(span(shape, offsets[1], strides[1]), r);
        float[] y = values(span(shape, offsets[2], strides[2]), r);
        int outSize = span(shape, offsets[0], strides[0]);
        float[] out = new float[outSize];
        Arrays.fill(out, Float.NaN);
        int cut1 = r.nextInt(n + 1);
        int cut2 = cut1 + r.nextInt(n - cut1 + 1);
        Object[] args = args(out, x, y, shape, offsets, strides);
        k.run(args, n, 0, cut1);
        k.run(args, n, cut1, cut2);
        k.run(args, n, cut2, n);
        long[] c = new long[shape.length];
        for (int e = 0; e < n; e++) {
            long rest = e;
            for (int d = shape.length - 1; d >= 0; d--) {
                c[d] = rest % shape[d];
                rest /= shape[d];
            }
            double expected = (double) x[at(c, offsets[1], strides[1])] * 1000 + y[at(c, offsets[2], strides[2])]
                    + 0.5 * e;
            assertEquals((float) expected, out[at(c, offsets[0], strides[0])], 1e-3 * Math.abs(expected) + 1e-3,
                    what + ", shape " + Arrays.toString(shape) + ", element " + e + ", ranges cut at " + cut1 + " and "
                            + cut2 + " (seed " + SEED + ")");
        }
    }

    private static int at(long[] c, long offset, long[] strides) {
        long p = offset;
        for (int d = 0; d < c.length; d++) {
            p += c[d] * strides[d];
        }
        return (int) p;
    }

    /** One more than the largest position the view reaches. */
    private static int span(long[] shape, long offset, long[] strides) {
        long max = offset;
        for (int d = 0; d < shape.length; d++) {
            max += Math.max(0, (shape[d] - 1) * strides[d]);
        }
        return (int) max + 1;
    }

    private static float[] values(int size, Random r) {
        float[] v = new float[size];
        for (int k = 0; k < size; k++) {
            v[k] = r.nextInt(1000) / 8f;
        }
        return v;
    }

    private static Object[] args(float[] out, float[] x, float[] y, long[] shape, long[] offsets, long[][] strides) {
        List<Object> values = new ArrayList<>(List.of(out, x, y));
        for (long s : shape) {
            values.add(s);
        }
        for (int k = 0; k < 3; k++) {
            values.add(offsets[k]);
            for (long s : strides[k]) {
                values.add(s);
            }
        }
        return values.toArray();
    }
}
