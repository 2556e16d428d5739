package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.junit.jupiter.api.Test;

/**
 * The compact form of a generated elementwise kernel ({@link JavaSourceGenerator#elementwiseCompact}): over an
 * index space it holds the operation once, where the usual form holds it three times (tiled walk, unit-stride
 * row, general row), and it computes the same: a transposed operand plus a broadcast row, over shapes that
 * leave partial rows, in ranges cut anywhere, checked against float64 references in an output poisoned with
 * NaN.
 */
class CompactElementwiseTest {
    private static final long SEED = 20261207L;
    private static final String MARK = "0.375f";
    private static final IndexSpace SPACE = new IndexSpace(2, List.of("out", "x", "y"));
    private static final ElementwiseSpec SPEC = new ElementwiseSpec("compact_add",
            ArgumentList.parse("float *out, float *x, float *y, " + SPACE.declaration()),
            "out[jga_at_out] = x[jga_at_x] * 1000 + y[jga_at_y] + " + MARK + " * i", "", "", "", SPACE);

    @Test
    void theCompactFormHoldsTheOperationOnce() {
        String usual = JavaSourceGenerator.elementwise(SPEC).source();
        JavaSource compact = JavaSourceGenerator.elementwiseCompact(SPEC);
        assertEquals(3, occurrences(usual, MARK), usual);
        assertEquals(1, occurrences(compact.source(), MARK), compact.source());
        assertNotEquals(JavaSourceGenerator.elementwise(SPEC).className(), compact.className(),
                "both forms may be loaded in one JVM");
    }

    @Test
    void theCompactFormComputesWhatTheUsualOneDoes() {
        JavaElementwiseKernel kernel = Compiled.instance(JavaSourceGenerator.elementwiseCompact(SPEC),
                JavaElementwiseKernel.class);
        Random r = new Random(SEED);
        for (long[] shape : new long[][] {{1, 1}, {1, 3}, {3, 1}, {33, 65}, {1000, 7}, {7, 1000}}) {
            long rows = shape[0];
            long cols = shape[1];
            int n = (int) (rows * cols);
            float[] x = values(n, r); // read as the transpose of a (cols, rows) matrix
            float[] y = values((int) cols, r); // a row, broadcast
            float[] out = new float[n];
            Arrays.fill(out, Float.NaN);
            Object[] args = args(out, x, y, shape, new long[][] {{cols, 1}, {1, rows}, {0, 1}});
            int cut1 = r.nextInt(n + 1);
            int cut2 = cut1 + r.nextInt(n - cut1 + 1);
            kernel.run(args, n, 0, cut1);
            kernel.run(args, n, cut1, cut2);
            kernel.run(args, n, cut2, n);
            for (int e = 0; e < n; e++) {
                long row = e / cols;
                long col = e % cols;
                double expected = (double) x[(int) (col * rows + row)] * 1000 + y[(int) col] + 0.375 * e;
                assertEquals(expected, out[e], 1e-6 * Math.abs(expected) + 1e-3, "shape " + Arrays.toString(shape)
                        + ", element " + e + ", ranges cut at " + cut1 + " and " + cut2 + " (seed " + SEED + ")");
            }
        }
    }

    private static int occurrences(String text, String mark) {
        int count = 0;
        for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
            count++;
        }
        return count;
    }

    private static float[] values(int size, Random r) {
        float[] v = new float[size];
        for (int k = 0; k < size; k++) {
            v[k] = r.nextInt(1000) / 8f;
        }
        return v;
    }

    /** The arrays, the extents, then per array its offset (0) and strides. */
    private static Object[] args(float[] out, float[] x, float[] y, long[] shape, long[][] strides) {
        List<Object> values = new ArrayList<>(List.of(out, x, y));
        for (long s : shape) {
            values.add(s);
        }
        for (long[] array : strides) {
            values.add(0L);
            for (long s : array) {
                values.add(s);
            }
        }
        return values.toArray();
    }
}
