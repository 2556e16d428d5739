package org.jgpuarray.reliability;

import java.util.List;
import org.jgpuarray.DType;

/**
 * Float-to-integer conversions by {@code astype} and the host conversions ({@code toIntArray},
 * {@code toLongArray}): one rule on every backend, Java's (and OpenCL's {@code convert_int_sat}): truncate
 * toward zero, saturate out-of-range values and infinities, NaN to 0.
 */
final class ConversionCases {
    private static final float[] F32 = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e10f, -1e10f,
        2.9f, -2.9f, 0x1p31f, -0x1p31f, 1e30f, -0.0f};
    private static final double[] F64 = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e10, -1e10,
        2.9, -2.9, 0x1p31, -0x1p31 - 1, 1e300, 0x1p63, -0x1p63, 9.2e18, -0.0};

    private ConversionCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("convert.astype-f32-int32", c -> c.f32(F32).astype(DType.INT32).toIntArray()).returns(ints(F32)),
                Case.of("convert.astype-f32-int64", c -> c.f32(F32).astype(DType.INT64).toLongArray()).returns(longs(F32)),
                Case.of("convert.astype-f64-int32", c -> f64(c).astype(DType.INT32).toIntArray()).returns(ints(F64)),
                Case.of("convert.astype-f64-int64", c -> f64(c).astype(DType.INT64).toLongArray()).returns(longs(F64)),
                Case.of("convert.host-f32-int", c -> c.f32(F32).toIntArray()).returns(ints(F32)),
                Case.of("convert.host-f32-long", c -> c.f32(F32).toLongArray()).returns(longs(F32)),
                Case.of("convert.host-f64-int", c -> f64(c).toIntArray()).returns(ints(F64)),
                Case.of("convert.host-f64-long", c -> f64(c).toLongArray()).returns(longs(F64)),
                Case.of("convert.astype-f32-bool", c -> c.f32(Float.NaN, -0.0f, 0.0f, 1e-45f, Float.NEGATIVE_INFINITY)
                        .astype(DType.BOOL).toBooleanArray()).returns(new boolean[] {true, false, false, true, true}),
                Case.of("convert.int64-to-int32-wraps", c -> c.i64((1L << 32) + 5, -(1L << 33) - 1, Long.MIN_VALUE)
                        .astype(DType.INT32).toIntArray()).returns(new int[] {5, -1, 0}),
                Case.of("convert.int64-to-float32-rounds", c -> c.i64(Long.MAX_VALUE, (1L << 24) + 1).toFloatArray())
                        .returns(new float[] {0x1p63f, 0x1p24f}),
                Case.of("convert.float64-to-float32-overflows", c -> f64(c).toFloatArray()).returns(floats(F64)),
                Case.of("convert.int-to-bool", c -> c.i64(0, -1, Long.MIN_VALUE).toBooleanArray())
                        .returns(new boolean[] {false, true, true}),
                Case.of("convert.bool-to-float", c -> c.track(c.ctx().toGpu(new boolean[] {true, false})).toDoubleArray())
                        .returns(new double[] {1, 0}));
    }

    private static org.jgpuarray.GPUArray f64(CaseContext c) {
        c.requireFp64();
        return c.f64(F64);
    }

    private static int[] ints(float[] v) {
        int[] r = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            r[k] = (int) v[k];
        }
        return r;
    }

    private static long[] longs(float[] v) {
        long[] r = new long[v.length];
        for (int k = 0; k < v.length; k++) {
            r[k] = (long) v[k];
        }
        return r;
    }

    private static int[] ints(double[] v) {
        int[] r = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            r[k] = (int) v[k];
        }
        return r;
    }

    private static long[] longs(double[] v) {
        long[] r = new long[v.length];
        for (int k = 0; k < v.length; k++) {
            r[k] = (long) v[k];
        }
        return r;
    }

    private static float[] floats(double[] v) {
        float[] r = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            r[k] = (float) v[k];
        }
        return r;
    }
}
