package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.junit.jupiter.api.Test;

/** Elementwise kernels over an index space: strided, offset and broadcast arrays, any split of the range. */
class IndexSpaceTest {
    private static final IndexSpace SPACE = new IndexSpace(3, List.of("out", "x", "y"));
    private static final ElementwiseSpec ADD = new ElementwiseSpec("strided_add",
            ArgumentList.parse("float *out, float *x, float *y, " + SPACE.declaration()),
            "out[jga_at_out] = x[jga_at_x] + 10 * y[jga_at_y]", "", "", "", SPACE);

    @Test
    void transposedOffsetAndBroadcastOperandsInEveryRangeSplit() {
        JavaElementwiseKernel k = Compiled.elementwise(ADD);
        long[] shape = {3, 4, 5};
        int n = 60;
        float[] x = new float[200];
        float[] y = new float[5];
        for (int k0 = 0; k0 < x.length; k0++) {
            x[k0] = k0;
        }
        for (int k0 = 0; k0 < y.length; k0++) {
            y[k0] = k0 + 1;
        }
        // out: C order at offset 7; x: a permuted view (strides 1, 15, 3) at offset 11; y: broadcast row (0, 0, 1)
        long[] outStrides = {20, 5, 1};
        long[] xStrides = {1, 15, 3};
        long[] yStrides = {0, 0, 1};
        float[] expected = new float[n + 7];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 5; c++) {
                    expected[7 + a * 20 + b * 5 + c] = x[(int) (11 + a * xStrides[0] + b * xStrides[1] + c * xStrides[2])]
                            + 10 * y[c];
                }
            }
        }
        Random r = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            float[] out = new float[n + 7];
            int cut1 = r.nextInt(n + 1);
            int cut2 = cut1 + r.nextInt(n - cut1 + 1);
            Object[] args = args(out, x, y, shape, outStrides, xStrides, yStrides);
            k.run(args, n, 0, cut1);
            k.run(args, n, cut1, cut2);
            k.run(args, n, cut2, n);
            assertArrayEquals(expected, out, "ranges split at " + cut1 + " and " + cut2);
        }
    }

    @Test
    void flatOperandsIndexedByIWalkInStepWithStridedOnes() {
        // x is addressed through the space (reversed, then unit stride); flat reads by i must see the same i
        IndexSpace space = new IndexSpace(2, List.of("x"));
        JavaElementwiseKernel k = Compiled.elementwise(new ElementwiseSpec("strided_and_flat",
                ArgumentList.parse("float *x, float *flat, float *out, " + space.declaration()),
                "out[i] = x[jga_at_x] * 1000 + flat[i]", "", "", "", space));
        int n = 12;
        float[] x = new float[n];
        float[] flat = new float[n];
        for (int e = 0; e < n; e++) {
            x[e] = e;
            flat[e] = 100 + e;
        }
        for (long inner : new long[] {-1, 1}) {
            float[] out = new float[n];
            long offset = inner < 0 ? 3 : 0;
            k.run(new Object[] {x, flat, out, 3L, 4L, offset, 4L, inner}, n, 0, n);
            for (int e = 0; e < n; e++) {
                float xe = x[(int) (offset + (e / 4) * 4 + (e % 4) * inner)];
                assertEquals(xe * 1000 + flat[e], out[e], "element " + e + ", inner stride " + inner);
            }
        }
    }

    @Test
    void theGpuSourceComputesPositionsFromTheFlatIndex() {
        for (Dialect d : new Dialect[] {Dialect.CUDA, Dialect.OPENCL}) {
            String source = CSourceGenerator.elementwise(ADD, d).source();
            assertTrue(source.contains("jga_at_x += jga_c * jga_st2_x;"), source);
            assertTrue(source.contains("jga_at_out += jga_rest * jga_st0_out;"), source);
            assertTrue(source.contains("out[jga_at_out] = x[jga_at_x] + 10 * y[jga_at_y]"), source);
        }
    }

    @Test
    void theSpaceMustBeDeclaredInTheArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ElementwiseSpec("k", ArgumentList.parse("float *x"),
                "x[jga_at_x] = 0", "", "", "", new IndexSpace(1, List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> new ElementwiseSpec("k",
                ArgumentList.parse("float s, long jga_shape0, long jga_off_s, long jga_st0_s"), "", "", "", "",
                new IndexSpace(1, List.of("s"))));
        assertThrows(IllegalArgumentException.class, () -> new IndexSpace(0, List.of("x")));
    }

    private static Object[] args(float[] out, float[] x, float[] y, long[] shape, long[]... strides) {
        List<Object> values = new ArrayList<>(List.of(out, x, y));
        for (long s : shape) {
            values.add(s);
        }
        long[] offsets = {7, 11, 0};
        for (int k = 0; k < 3; k++) {
            values.add(offsets[k]);
            for (long s : strides[k]) {
                values.add(s);
            }
        }
        return values.toArray();
    }
}
