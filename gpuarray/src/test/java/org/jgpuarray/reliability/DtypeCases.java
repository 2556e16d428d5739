package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.UOE;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuMath;

/** Dtypes: unknown names, complex and bool arrays where arithmetic does not apply, integer edge values. */
final class DtypeCases {
    private DtypeCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("dtype.unknown", c -> DType.of("float16")).fails(IAE, "unknown dtype 'float16'"),
                Case.of("dtype.empty-name", c -> DType.of("")).fails(IAE, "unknown dtype ''"),
                Case.of("dtype.c-name", c -> DType.of(" long long ")).returns(DType.INT64),
                Case.of("dtype.complex-neg", c -> complex(c).neg()).fails(UOE, "complex64"),
                Case.of("dtype.complex-abs", c -> complex(c).abs()).fails(UOE, "complex64"),
                Case.of("dtype.complex-exp", c -> GpuMath.exp(complex(c))).fails(UOE, "complex64"),
                Case.of("dtype.complex-add", c -> complex(c).add(complex(c))).fails(UOE, "complex64"),
                Case.of("dtype.complex-scalar", c -> complex(c).mul(2.0)).fails(UOE, "complex64"),
                Case.of("dtype.complex-compare", c -> complex(c).lt(1.0)).fails(UOE, "complex64"),
                Case.of("dtype.complex-sum", c -> complex(c).sum()).fails(UOE, "complex64"),
                Case.of("dtype.complex-max", c -> complex(c).max()).fails(UOE, "complex64"),
                Case.of("dtype.complex-dot", c -> complex(c).dot(complex(c))).fails(UOE, "complex64"),
                Case.of("dtype.complex-cumsum", c -> complex(c).cumsum()).fails(UOE, "complex64"),
                Case.of("dtype.complex-astype", c -> complex(c).astype(DType.FLOAT32)).fails(UOE, "complex64", "float32"),
                Case.of("dtype.complex-to-int-array", c -> complex(c).toIntArray()).fails(UOE, "complex64"),
                Case.of("dtype.complex-item", c -> c.track(c.ctx().toGpuComplex(DType.COMPLEX64, new float[] {1, 2}))
                        .item()).fails(UOE, "imaginary"),
                Case.of("dtype.complex-zeros", c -> c.zeros(DType.COMPLEX64, 3).toFloatArray()).returns(new float[6]),
                Case.of("dtype.complex128-zeros", c -> {
                    c.requireFp64();
                    return c.zeros(DType.COMPLEX128, 2, 2).toDoubleArray();
                }).returns(new double[8]),
                Case.of("dtype.complex-zeros-like", c -> c.track(c.ctx().zerosLike(complex(c))).toFloatArray())
                        .returns(new float[4]),
                Case.of("dtype.complex-full-zero", c -> c.track(c.ctx().full(DType.COMPLEX64, 0.0, 2)).toFloatArray())
                        .returns(new float[4]),
                Case.of("dtype.complex-full-value", c -> c.track(c.ctx().full(DType.COMPLEX64, 1.5, 2)).toFloatArray())
                        .returns(new float[] {1.5f, 0, 1.5f, 0}),
                Case.of("dtype.complex-copy", c -> complex(c).copy().toFloatArray()).returns(new float[] {1, 2, 3, 4}),
                Case.of("dtype.complex-reshape", c -> complex(c).reshape(1, 2).shape()).returns(new long[] {1, 2}),
                Case.of("dtype.complex-odd-data", c -> c.ctx().toGpuComplex(DType.COMPLEX64, new float[3]))
                        .fails(IAE, "even number", "3"),
                Case.of("dtype.complex-wrong-host-type", c -> c.ctx().toGpuComplex(DType.COMPLEX64, new double[4]))
                        .fails(IAE, "complex64", "float[]", "double[]"),
                Case.of("dtype.complex-from-real", c -> c.ctx().toGpuComplex(DType.FLOAT32, new float[4]))
                        .fails(IAE, "complex64 or complex128", "float32"),
                Case.of("dtype.bool-neg", c -> c.track(c.ctx().toGpu(new boolean[] {true})).neg()).fails(IAE, "bool"),
                Case.of("dtype.bool-dot", c -> bools(c).dot(bools(c))).fails(IAE, "bool"),
                Case.of("dtype.bool-max", c -> bools(c).max()).fails(IAE, "bool"),
                Case.of("dtype.bool-sum", c -> bools(c).sum().toLongArray()).returns(new long[] {2}),
                Case.of("dtype.bool-abs", c -> bools(c).abs().toBooleanArray()).returns(new boolean[] {true, false, true}),
                Case.of("dtype.bool-add-is-int64", c -> bools(c).add(1).toLongArray()).returns(new long[] {2, 1, 2}),
                Case.of("dtype.set-wrong-dtype", c -> c.zeros(DType.FLOAT64, 2).set(new float[2]))
                        .fails(IAE, "float64", "float32"),
                Case.of("dtype.int-negative-power", c -> c.i32(2, 3).pow(-1)).fails(IAE, "negative", "-1"),
                Case.of("dtype.int-power-array", c -> c.i32(2, 1, -1, 2, 0).pow(c.i32(-1, -5, -3, 10, 0)).toIntArray())
                        .returns(new int[] {0, 1, -1, 1024, 1}),
                Case.of("dtype.int32-add-wraps", c -> c.i32(Integer.MAX_VALUE).add(1).toIntArray())
                        .returns(new int[] {Integer.MIN_VALUE}),
                Case.of("dtype.int32-scalar-out-of-range", c -> c.i32(1).add(1L << 40)).fails(IAE, "out of range for int32"),
                Case.of("dtype.int32-sum-widens", c -> c.i32(Integer.MAX_VALUE, Integer.MAX_VALUE).sum().toLongArray())
                        .returns(new long[] {2L * Integer.MAX_VALUE}),
                Case.of("dtype.int64-extremes", c -> {
                    GPUArray x = c.i64(Long.MIN_VALUE, Long.MAX_VALUE, 0);
                    return new long[] {x.max().toLongArray()[0], x.min().toLongArray()[0]};
                }).returns(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}),
                Case.of("dtype.int-float32-promotes", c -> c.i32(1).add(c.f32(0.5f)).dtype()).returns(DType.FLOAT64),
                Case.of("dtype.int-division-is-true", c -> c.i32(7, -7).div(2).toDoubleArray())
                        .returns(new double[] {3.5, -3.5}),
                Case.of("dtype.float-nan-compare", c -> c.f32(Float.NaN, 1).eq(c.f32(Float.NaN, 1)).toBooleanArray())
                        .returns(new boolean[] {false, true}),
                Case.of("dtype.float-max-nan", c -> c.f64(1, Double.NaN, 3).max().item()).returns(Double.NaN));
    }

    /** {(1, 2), (3, 4)} as complex64. */
    private static GPUArray complex(CaseContext c) {
        return c.track(c.ctx().toGpuComplex(DType.COMPLEX64, new float[] {1, 2, 3, 4}));
    }

    private static GPUArray bools(CaseContext c) {
        return c.track(c.ctx().toGpu(new boolean[] {true, false, true}));
    }
}
