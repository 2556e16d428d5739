package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuMath;
import org.junit.jupiter.api.Test;

/**
 * NumPy's {@code where} and {@code clip} and PyCUDA's {@code if_positive} against host references: every
 * dtype, shapes from 0-d and empty to 3-D, inputs in every {@link DeviceForms form} (transposes, negative
 * steps, strided views), broadcasting, NEP 50 typing of scalars, NaN, and {@code out} arrays poisoned first.
 * Selections copy elements, so the comparisons are exact.
 */
public abstract class SelectionConformance extends IndexingBase {
    @Test
    void whereSelectsOnEveryDtypeShapeAndForm() {
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                for (DeviceForms form : DeviceForms.values()) {
                    String what = named("where " + type + " " + Arrays.toString(shape) + " " + form);
                    Random r = random(what, 0);
                    HostNd c = DeviceForms.random(r, DType.BOOL, shape, 0.5);
                    HostNd a = DeviceForms.random(r, type, shape, 0);
                    HostNd b = DeviceForms.random(r, type, shape, 0);
                    HostNd expected = HostNd.build(shape, k -> c.at(k) != 0 ? a.at(k) : b.at(k));
                    DeviceForms other = DeviceForms.values()[(form.ordinal() + 1) % DeviceForms.values().length];
                    try (GPUArray gc = form.upload(ctx, DType.BOOL, c); GPUArray ga = other.upload(ctx, type, a);
                         GPUArray gb = form.upload(ctx, type, b); GPUArray w = GpuMath.where(gc, ga, gb);
                         GPUArray poisoned = other.upload(ctx, type, poison(shape));
                         GPUArray into = GpuMath.where(gc, ga, gb, poisoned)) {
                        assertEquals(type, w.dtype(), what);
                        assertArrayEquals(shape, w.shape(), what);
                        assertClose(expected.values, DeviceForms.download(w), 0, 0, what);
                        assertClose(expected.values, DeviceForms.download(poisoned), 0, 0, what + " into out");
                        assertTrue(into == poisoned, "where with out returns out");
                    }
                }
            }
        }
    }

    @Test
    void whereBroadcastsAndPromotesAndTypesScalarsAsNumPy() {
        Random r = random("where broadcast", 0);
        HostNd c = DeviceForms.random(r, DType.BOOL, new long[] {3, 1}, 0.5);
        HostNd a = DeviceForms.random(r, DType.INT32, new long[] {1, 4}, 0);
        HostNd b = DeviceForms.random(r, DType.FLOAT32, new long[] {3, 4}, 0);
        long[] shape = {3, 4};
        try (GPUArray gc = DeviceForms.CONTIGUOUS.upload(ctx, DType.BOOL, c);
             GPUArray ga = DeviceForms.REVERSED.upload(ctx, DType.INT32, a);
             GPUArray gb = DeviceForms.TRANSPOSED.upload(ctx, DType.FLOAT32, b)) {
            if (ctx.device().fp64()) {
                try (GPUArray w = GpuMath.where(gc, ga, gb)) {
                    assertEquals(DType.FLOAT64, w.dtype(), "int32 with float32 gives float64");
                    assertClose(HostNd.build(shape, k -> c.at(k) != 0 ? a.at(k) : b.at(k)).values,
                            DeviceForms.download(w), 0, 0, "where broadcast (3,1) (1,4) (3,4)");
                }
                try (GPUArray w = GpuMath.where(gc, ga, 2.5)) {
                    assertEquals(DType.FLOAT64, w.dtype(), "int32 array with a Java double gives float64");
                    assertClose(HostNd.build(shape, k -> c.at(k) != 0 ? a.at(k) : 2.5).values,
                            DeviceForms.download(w), 0, 0, "where(c, int32, 2.5)");
                }
                try (GPUArray w = GpuMath.where(gc, 1, 2.0)) {
                    assertEquals(DType.FLOAT64, w.dtype(), "two scalars, one floating, give float64");
                    assertArrayEquals(new long[] {3, 1}, w.shape());
                }
            }
            try (GPUArray w = GpuMath.where(gc, -3, gb)) {
                assertEquals(DType.FLOAT32, w.dtype(), "a Java int does not widen float32 (NEP 50)");
                assertClose(HostNd.build(shape, k -> c.at(k) != 0 ? -3 : b.at(k)).values, DeviceForms.download(w), 0,
                        0, "where(c, -3, float32)");
            }
            try (GPUArray w = GpuMath.where(gc, 7, -8)) {
                assertEquals(DType.INT64, w.dtype(), "two Java integers give int64");
                assertClose(HostNd.build(new long[] {3, 1}, k -> c.at(k) != 0 ? 7 : -8).values,
                        DeviceForms.download(w), 0, 0, "where(c, 7, -8)");
            }
            try (GPUArray row = ctx.toGpu(new float[] {1, 2, 3, 4}); GPUArray wide = row.broadcastTo(3, 4);
                 GPUArray w = GpuMath.where(gc, wide, gb)) {
                assertClose(HostNd.build(shape, k -> c.at(k) != 0 ? k[1] + 1 : b.at(k)).values,
                        DeviceForms.download(w), 0, 0, "where with a broadcast view");
            }
        }
    }

    @Test
    void whereTakesNumericConditionsNaNBeingTrue() {
        float[] cond = {0f, -0f, Float.NaN, 2f, -1f, 0.5f};
        try (GPUArray c = ctx.toGpu(cond); GPUArray ci = ctx.toGpu(new int[] {0, 0, 1, 5, -2, 0});
             GPUArray a = ctx.toGpu(new int[] {1, 1, 1, 1, 1, 1}); GPUArray b = ctx.toGpu(new int[] {2, 2, 2, 2, 2, 2});
             GPUArray w = GpuMath.where(c, a, b); GPUArray wi = GpuMath.where(ci, a, b)) {
            assertArrayEquals(new int[] {2, 2, 1, 1, 1, 1}, w.toIntArray(), "NaN and any nonzero select a");
            assertArrayEquals(new int[] {2, 2, 1, 1, 1, 2}, wi.toIntArray());
        }
    }

    @Test
    void whereOnALargeArrayAndAView() {
        int n = 1000003;
        String what = named("where large");
        Random r = random(what, n);
        double[] x = DeviceForms.values(r, DType.FLOAT32, n, 0.1);
        try (GPUArray gx = DeviceForms.upload(ctx, DType.FLOAT32, x, n); GPUArray back = gx.get("::-1");
             GPUArray positive = gx.gt(0.0); GPUArray w = GpuMath.where(positive, back, gx)) {
            double[] expected = new double[n];
            for (int k = 0; k < n; k++) {
                expected[k] = x[k] > 0 ? x[n - 1 - k] : x[k];
            }
            assertClose(expected, DeviceForms.download(w), 0, 0, what);
        }
    }

    @Test
    void ifPositiveSelectsWhereTheCriterionIsPositive() {
        for (DType type : types()) {
            if (type == DType.BOOL) {
                continue;
            }
            for (long[] shape : SHAPES) {
                String what = named("if_positive " + type + " " + Arrays.toString(shape));
                Random r = random(what, 0);
                HostNd crit = DeviceForms.random(r, type, shape, 0.3);
                HostNd a = DeviceForms.random(r, type, shape, 0);
                HostNd b = DeviceForms.random(r, type, shape, 0);
                try (GPUArray gc = DeviceForms.TRANSPOSED.upload(ctx, type, crit);
                     GPUArray ga = DeviceForms.CONTIGUOUS.upload(ctx, type, a);
                     GPUArray gb = DeviceForms.STRIDED.upload(ctx, type, b); GPUArray w = GpuMath.ifPositive(gc, ga, gb)) {
                    assertClose(HostNd.build(shape, k -> crit.at(k) > 0 ? a.at(k) : b.at(k)).values,
                            DeviceForms.download(w), 0, 0, what);
                }
            }
        }
        try (GPUArray crit = ctx.toGpu(new float[] {Float.NaN, 0, -0f, 1}); GPUArray a = ctx.full(DType.FLOAT32, 1, 4);
             GPUArray b = ctx.full(DType.FLOAT32, 2, 4); GPUArray w = GpuMath.ifPositive(crit, a, b)) {
            assertArrayEquals(new float[] {2, 2, 2, 1}, w.toFloatArray(), "NaN and zeros are not positive");
        }
    }

    @Test
    void clipMatchesNumPyOnEveryDtypeShapeAndForm() {
        int turn = 0;
        for (DType type : types()) {
            if (type == DType.BOOL) {
                continue;
            }
            for (long[] shape : SHAPES) {
                for (DeviceForms form : twoForms(turn++)) {
                    String what = named("clip " + type + " " + Arrays.toString(shape) + " " + form);
                    Random r = random(what, 0);
                    HostNd x = DeviceForms.random(r, type, shape, 0.1);
                    HostNd lo = DeviceForms.random(r, type, shape, 0);
                    HostNd hi = DeviceForms.random(r, type, shape, 0);
                    try (GPUArray gx = form.upload(ctx, type, x); GPUArray glo = form.upload(ctx, type, lo);
                         GPUArray ghi = DeviceForms.CONTIGUOUS.upload(ctx, type, hi);
                         GPUArray scalars = gx.clip(-20, 30); GPUArray arrays = gx.clip(glo, ghi);
                         GPUArray lower = gx.clip(glo, null); GPUArray out = form.upload(ctx, type, poison(shape))) {
                        gx.clip(null, 5, out);
                        assertEquals(type, scalars.dtype(), what);
                        assertClose(HostNd.build(shape, k -> Math.min(Math.max(x.at(k), -20), 30)).values,
                                DeviceForms.download(scalars), 0, 0, what + " scalar bounds");
                        assertClose(HostNd.build(shape, k -> Math.min(Math.max(x.at(k), lo.at(k)), hi.at(k))).values,
                                DeviceForms.download(arrays), 0, 0, what + " array bounds");
                        assertClose(HostNd.build(shape, k -> Math.max(x.at(k), lo.at(k))).values,
                                DeviceForms.download(lower), 0, 0, what + " lower bound only");
                        assertClose(HostNd.build(shape, k -> Math.min(x.at(k), 5)).values,
                                DeviceForms.download(out), 0, 0, what + " upper bound only, into out");
                    }
                }
            }
        }
    }

    @Test
    void clipPropagatesNaNAndBroadcastsBounds() {
        try (GPUArray x = ctx.toGpu(new float[] {Float.NaN, -5, 0, 5, 12, 3}, 2, 3);
             GPUArray lo = ctx.toGpu(new float[] {0, Float.NaN, 1});
             GPUArray hi = ctx.toGpu(new float[] {10, 4}, 2, 1);
             GPUArray c = x.clip(lo, hi); GPUArray s = x.clip(Float.NaN, 1.0); GPUArray crossed = x.clip(4, 2)) {
            assertClose(new double[] {Double.NaN, Double.NaN, 1, 4, Double.NaN, 3}, widen(c.toFloatArray()), 0, 0,
                    "NaN in the data or a bound gives NaN; lo (3,) and hi (2, 1) broadcast");
            assertTrue(Arrays.stream(widen(s.toFloatArray())).allMatch(Double::isNaN), "a NaN scalar bound gives NaN");
            assertArrayEquals(new float[] {Float.NaN, 2, 2, 2, 2, 2}, crossed.toFloatArray(), "lo > hi gives hi");
        }
        if (ctx.device().fp64()) {
            try (GPUArray ints = ctx.toGpu(new int[] {-3, 0, 3}); GPUArray c = ints.clip(-0.5, 2.5);
                 GPUArray i = ints.clip(-1, 1)) {
                assertEquals(DType.FLOAT64, c.dtype(), "an int32 array with float bounds gives float64");
                assertArrayEquals(new double[] {-0.5, 0, 2.5}, c.toDoubleArray());
                assertEquals(DType.INT32, i.dtype(), "Java int bounds keep int32");
                assertArrayEquals(new int[] {-1, 0, 1}, i.toIntArray());
            }
        }
    }

    @Test
    void selectionErrorsNameTheProblem() {
        try (GPUArray c = ctx.zeros(DType.BOOL, 3, 4); GPUArray a = ctx.zeros(DType.FLOAT32, 3, 4);
             GPUArray b = ctx.zeros(DType.FLOAT32, 5); GPUArray out = ctx.zeros(DType.FLOAT32, 4, 3);
             GPUArray bools = ctx.zeros(DType.BOOL, 3)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuMath.where(c, a, b));
            assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(5,)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> GpuMath.where(c, a, a, out));
            assertTrue(e.getMessage().contains("(4, 3)") && e.getMessage().contains("(3, 4)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> a.clip((Number) null, null));
            assertTrue(e.getMessage().contains("bound"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> bools.clip(bools, bools));
            try (GPUArray widened = bools.clip(0, 1)) {
                assertEquals(DType.INT64, widened.dtype(), "bool with Java ints gives int64, as NumPy");
            }
            e = assertThrows(IllegalArgumentException.class, () -> a.clip(b, null));
            assertTrue(e.getMessage().contains("(5,)"), e.getMessage());
        }
    }
}
