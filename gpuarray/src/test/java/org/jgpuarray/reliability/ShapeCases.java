package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.GPU;
import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.ISE;

import static org.jgpuarray.reliability.Expectation.anyOf;
import static org.jgpuarray.reliability.Expectation.fails;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;

/** Shapes: negative, overflowing, empty and 0-d arrays, reshapes, host data that does not fit, arange. */
final class ShapeCases {
    private ShapeCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("shape.negative", c -> c.ctx().zeros(DType.FLOAT32, 3, -1)).fails(IAE, "negative dimension",
                        "(3, -1)"),
                Case.of("shape.size-overflows-long", c -> c.ctx().empty(DType.FLOAT32, 1L << 32, 1L << 32))
                        .fails(IAE, "(4294967296, 4294967296)"),
                Case.of("shape.bytes-overflow-long", c -> c.ctx().empty(DType.FLOAT64, 1L << 61)).expect(
                        anyOf(fails(GPU, "2305843009213693952"), fails(IAE, "2305843009213693952"))).inChild(),
                Case.of("shape.max-long", c -> c.ctx().empty(DType.INT32, Long.MAX_VALUE)).expect(
                        anyOf(fails(GPU, "9223372036854775807"), fails(IAE, "9223372036854775807"))).inChild(),
                Case.of("shape.too-large-for-device", c -> c.ctx().empty(DType.FLOAT32, 1L << 40)).expect(
                        anyOf(fails(GPU, "1099511627776"), fails(GPU, "4398046511104"))).inChild(),
                Case.of("shape.zero-d", c -> c.ctx().full(DType.FLOAT32, 2.5, new long[0]).item()).returns(2.5),
                Case.of("shape.zero-size-sum", c -> c.zeros(DType.FLOAT32, 0).sum().item()).returns(0.0),
                Case.of("shape.zero-size-mean", c -> c.zeros(DType.FLOAT64, 0).mean().item()).returns(Double.NaN),
                Case.of("shape.zero-size-max", c -> c.zeros(DType.INT32, 0, 4).max()).fails(IAE, "zero-size", "max"),
                Case.of("shape.zero-size-item", c -> c.zeros(DType.FLOAT32, 0).item()).fails(ISE, "item()", "(0,)"),
                Case.of("shape.many-item", c -> c.zeros(DType.FLOAT32, 2, 2).item()).fails(ISE, "item()", "(2, 2)"),
                Case.of("shape.zero-extent-ops", c -> {
                    GPUArray a = c.zeros(DType.FLOAT32, 0, 5);
                    return a.add(a).mul(2.0).astype(DType.INT64).toLongArray();
                }).returns(new long[0]),
                Case.of("shape.reshape-size-mismatch", c -> c.zeros(DType.FLOAT32, 2, 3).reshape(4, 2))
                        .fails(IAE, "cannot reshape", "size 6", "(4, 2)"),
                Case.of("shape.reshape-two-unknown", c -> c.zeros(DType.FLOAT32, 6).reshape(-1, -1))
                        .fails(IAE, "(-1, -1)"),
                Case.of("shape.reshape-minus-two", c -> c.zeros(DType.FLOAT32, 6).reshape(-2, -3)).fails(IAE, "(-2, -3)"),
                Case.of("shape.reshape-overflow", c -> c.zeros(DType.FLOAT32, 6).reshape(1L << 32, 1L << 32, 0))
                        .fails(IAE, "(4294967296, 4294967296, 0)"),
                Case.of("shape.reshape-unknown-overflow", c -> c.zeros(DType.FLOAT32, 6).reshape(-1, 1L << 32, 1L << 32))
                        .fails(IAE, "cannot reshape"),
                Case.of("shape.reshape-unknown-of-empty", c -> c.zeros(DType.FLOAT32, 0).reshape(0, -1))
                        .fails(IAE, "cannot reshape"),
                Case.of("shape.reshape-infers", c -> c.f32(1, 2, 3, 4, 5, 6).reshape(3, -1).shape()).returns(new long[] {3, 2}),
                Case.of("shape.reshape-view-shares", c -> {
                    GPUArray a = c.zeros(DType.FLOAT32, 4);
                    GPUArray view = c.track(a.reshape(2, 2));
                    view.fill(3);
                    return a.toFloatArray();
                }).returns(new float[] {3, 3, 3, 3}),
                Case.of("shape.host-data-mismatch", c -> c.ctx().toGpu(new float[5], 2, 3)).fails(IAE, "5 elements",
                        "(2, 3)"),
                Case.of("shape.host-negative", c -> c.ctx().toGpu(new int[6], -2, -3)).fails(IAE, "negative dimension"),
                Case.of("shape.set-wrong-length", c -> c.zeros(DType.FLOAT32, 3).set(new float[4])).fails(IAE,
                        "4 elements", "3"),
                Case.of("shape.add-mismatch", c -> c.zeros(DType.FLOAT32, 2, 3).add(c.zeros(DType.FLOAT32, 2)))
                        .fails(IAE, "broadcast", "(2, 3)", "(2,)"),
                Case.of("shape.compare-mismatch", c -> c.zeros(DType.INT32, 2).lt(c.zeros(DType.INT32, 3)))
                        .fails(IAE, "broadcast", "(2,)", "(3,)"),
                Case.of("shape.add-broadcasts", c -> c.f32(1, 2, 3, 4, 5, 6).reshape(2, 3).add(c.f32(10, 20, 30))
                        .toFloatArray()).returns(new float[] {11, 22, 33, 14, 25, 36}),
                Case.of("shape.dot-mismatch", c -> c.zeros(DType.FLOAT32, 2).dot(c.zeros(DType.FLOAT32, 3)))
                        .fails(IAE, "(2,)", "(3,)"),
                Case.of("shape.dot-2d", c -> c.f32(1, 2, 3, 4).reshape(2, 2).dot(c.f32(5, 6, 7, 8).reshape(2, 2))
                        .toFloatArray()).returns(new float[] {19, 22, 43, 50}),
                Case.of("shape.dot-2d-by-1d", c -> c.f32(1, 2, 3, 4).reshape(2, 2).dot(c.f32(1, 1)).toFloatArray())
                        .returns(new float[] {3, 7}),
                Case.of("shape.dot-3d-misaligned", c -> c.zeros(DType.FLOAT32, 2, 2, 3).dot(c.zeros(DType.FLOAT32, 2, 2, 2)))
                        .fails(IAE, "(2, 2, 3)"),
                Case.of("shape.dot-0d", c -> c.ctx().full(DType.FLOAT32, 3, new long[0]).dot(
                        c.ctx().full(DType.FLOAT32, 4, new long[0])).item()).returns(12.0),
                Case.of("shape.dot-int-matrix", c -> c.i32(1, 2, 3, 4).reshape(2, 2).dot(c.i32(1, 0, 0, 1).reshape(2, 2))
                        .toIntArray()).returns(new int[] {1, 2, 3, 4}),
                Case.of("arange.int32-past-range", c -> c.ctx().arange(DType.INT32, 0, 3e9, 1)).fails(IAE, "int32"),
                Case.of("arange.int32-end-of-range", c -> c.ctx().arange(DType.INT32, Integer.MAX_VALUE - 2.0,
                        Integer.MAX_VALUE + 1.0, 1).toIntArray()).returns(new int[] {Integer.MAX_VALUE - 2,
                                Integer.MAX_VALUE - 1, Integer.MAX_VALUE}),
                Case.of("arange.int32-wraps-below", c -> c.ctx().arange(DType.INT32, Integer.MIN_VALUE + 1.0,
                        Integer.MIN_VALUE - 3.0, -1)).fails(IAE, "int32"),
                Case.of("arange.int64-large-step", c -> c.ctx().arange(DType.INT64, -0x1p62, 0x1p62, 0x1p61).toLongArray())
                        .returns(new long[] {-(1L << 62), -(1L << 61), 0, 1L << 61}),
                Case.of("arange.int64-past-range", c -> c.ctx().arange(DType.INT64, 0, 0x1p64, 0x1p62)).fails(IAE,
                        "int64"),
                Case.of("arange.int-fraction", c -> c.ctx().arange(DType.INT32, 0.5, 3, 1)).fails(IAE, "integral",
                        "0.5"),
                Case.of("arange.zero-step", c -> c.ctx().arange(DType.FLOAT32, 0, 1, 0)).fails(IAE, "nonzero step"),
                Case.of("arange.nan", c -> c.ctx().arange(DType.FLOAT64, 0, Double.NaN, 1)).fails(IAE, "finite"),
                Case.of("arange.bool", c -> c.ctx().arange(DType.BOOL, 3)).fails(IAE, "bool"),
                Case.of("arange.complex", c -> c.ctx().arange(DType.COMPLEX64, 3)).fails(IAE, "complex64"),
                Case.of("arange.negative-count", c -> c.ctx().arange(DType.FLOAT32, 1, 0, 1).size()).returns(0L),
                Case.of("arange.negative-n", c -> c.ctx().arange(DType.INT64, -5).size()).returns(0L),
                Case.of("arange.descending", c -> c.ctx().arange(DType.INT64, 5, -5, -3).toLongArray())
                        .returns(new long[] {5, 2, -1, -4}),
                Case.of("arange.float-values", c -> c.ctx().arange(DType.FLOAT64, 0.5, 2, 0.5).toDoubleArray())
                        .returns(new double[] {0.5, 1, 1.5}),
                Case.of("arange.too-many", c -> c.ctx().arange(DType.FLOAT32, 0, 1e15, 1)).expect(
                        anyOf(fails(GPU, "1000000000000000"), fails(GPU, "4000000000000000"))).inChild());
    }
}
