package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;

/** Calls of compiled kernels with wrong counts, kinds, dtypes, sizes and scalar values. */
final class CallCases {
    private CallCases() {
    }

    static List<Case> cases() {
        return List.of(
                call("call.too-few", (k, c) -> k.call(c.zeros(DType.FLOAT32, 3))).fails(IAE, "takes 2 arguments", "got 1"),
                call("call.too-many", (k, c) -> k.call(1f, c.zeros(DType.FLOAT32, 3), 2f)).fails(IAE, "got 3"),
                call("call.none", (k, c) -> k.call()).fails(IAE, "takes 2 arguments", "got 0"),
                call("call.null-varargs", (k, c) -> k.call((Object[]) null)).fails(IAE, "takes 2 arguments", "null"),
                call("call.wrong-dtype", (k, c) -> k.call(1f, c.zeros(DType.INT32, 3))).fails(IAE,
                        "argument 2", "needs a float32 array, got int32"),
                call("call.array-for-scalar", (k, c) -> k.call(c.zeros(DType.FLOAT32, 3), c.zeros(DType.FLOAT32, 3)))
                        .fails(IAE, "argument 1", "is a scalar, but got a GPUArray"),
                call("call.scalar-for-array", (k, c) -> k.call(1f, 2f)).fails(IAE, "argument 2", "needs a GPUArray"),
                call("call.string-scalar", (k, c) -> k.call("one", c.zeros(DType.FLOAT32, 3))).fails(IAE, "argument 1",
                        "must be a number", "String"),
                call("call.null-scalar", (k, c) -> k.call(null, c.zeros(DType.FLOAT32, 3))).fails(IAE, "argument 1",
                        "null"),
                call("call.null-array", (k, c) -> k.call(1f, null)).fails(IAE, "argument 2", "null"),
                call("call.host-array", (k, c) -> k.call(1f, new float[3])).fails(IAE, "argument 2", "needs a GPUArray",
                        "float[]"),
                call("call.other-context", (k, c) -> k.call(1f, c.track(c.fresh().zeros(DType.FLOAT32, 3))))
                        .fails(IAE, "argument 2", "another context"),
                call("call.negative-n", (k, c) -> k.launch(-1, 1f, c.zeros(DType.FLOAT32, 3))).fails(IAE, "-1"),
                call("call.n-beyond-array", (k, c) -> k.launch(1000, 1f, c.zeros(DType.FLOAT32, 16)))
                        .fails(IAE, "argument 2", "16 elements", "1000"),
                call("call.n-max-long", (k, c) -> k.launch(Long.MAX_VALUE, 1f, c.zeros(DType.FLOAT32, 16)))
                        .fails(IAE, "16 elements"),
                call("call.n-zero", (k, c) -> k.launch(0, 1f, c.zeros(DType.FLOAT32, 3))).succeeds(),
                Case.of("call.n-smaller-than-array", c -> {
                    GPUArray x = c.zeros(DType.FLOAT32, 5);
                    c.ctx().elementwiseKernel("float a, float *x", "x[i] = a", "k").launch(2, 3f, x);
                    return x.toFloatArray();
                }).returns(new float[] {3, 3, 0, 0, 0}),
                Case.of("call.second-array-shorter", c -> {
                    c.ctx().elementwiseKernel("float *x, float *y", "y[i] = 7", "k").call(c.zeros(DType.FLOAT32, 4096),
                            c.zeros(DType.FLOAT32, 16));
                    return null;
                }).fails(IAE, "argument 2", "16 elements", "4096"),
                Case.of("call.no-array-huge-launch-negative", c -> {
                    c.ctx().elementwiseKernel("int a", "int b = a;", "k").launch(-5, 1);
                    return null;
                }).fails(IAE, "-5"),
                Case.of("call.scalar-kinds", c -> {
                    GPUArray x = c.zeros(DType.FLOAT64, 2);
                    ElementwiseKernel k = c.ctx().elementwiseKernel("int a, long b, float f, double d, bool t, double *x",
                            "x[i] = a + b + f + d + t", "k");
                    k.call((short) 1, (byte) 2, 3, 4L, true, x);
                    k.call(new AtomicInteger(1), 2, 3.5f, 4.25, 0, x);
                    return x.toDoubleArray();
                }).returns(new double[] {10.75, 10.75}),
                scalar("scalar.int-fraction", "int", 2.5).fails(IAE, "argument 1", "fraction", "2.5"),
                scalar("scalar.int-out-of-range", "int", 1L << 40).fails(IAE, "argument 1", "out of range for int32"),
                scalar("scalar.int-nan", "int", Double.NaN).fails(IAE, "argument 1", "NaN"),
                scalar("scalar.int-infinity", "int", Double.POSITIVE_INFINITY).fails(IAE, "argument 1", "Infinity"),
                scalar("scalar.long-from-huge-double", "long", 1e30).fails(IAE, "argument 1", "1.0E30"),
                scalar("scalar.long-from-big-integer", "long", BigInteger.ONE.shiftLeft(70)).fails(IAE, "argument 1",
                        "1180591620717411303424"),
                scalar("scalar.int-from-big-integer", "int", BigInteger.valueOf(1L << 33)).fails(IAE, "argument 1",
                        "8589934592"),
                scalar("scalar.int-from-big-decimal-fraction", "int", new BigDecimal("1.5")).fails(IAE, "argument 1",
                        "1.5"),
                scalar("scalar.long-from-big-decimal-huge", "long", new BigDecimal("1e30")).fails(IAE, "argument 1",
                        "1E+30"),
                scalar("scalar.float-from-huge-big-integer", "float", BigInteger.TEN.pow(400)).fails(IAE, "argument 1",
                        "float"),
                scalar("scalar.int-from-big-integer-exact", "int", BigInteger.valueOf(-12)).returns(new double[] {-12, -12}),
                scalar("scalar.long-from-big-decimal-exact", "long", new BigDecimal("12.000")).returns(new double[] {12, 12}),
                scalar("scalar.double-from-big-decimal", "double", new BigDecimal("0.1")).returns(new double[] {0.1, 0.1}),
                scalar("scalar.int-from-boolean", "int", true).returns(new double[] {1, 1}),
                scalar("scalar.character", "int", 'x').fails(IAE, "argument 1", "must be a number", "Character"),
                scalar("scalar.long-min", "long", Long.MIN_VALUE).returns(new double[] {-0x1p63, -0x1p63}),
                scalar("scalar.float-nan", "float", Float.NaN).returns(new double[] {Double.NaN, Double.NaN}));
    }

    /** Calls {@code float a, float *x} with what the case passes. */
    private static Case.Pending call(String name, CallBody body) {
        return Case.run(name, c -> body.call(c.ctx().elementwiseKernel("float a, float *x", "x[i] = a", "k"), c));
    }

    /** Passes {@code value} as the scalar {@code a} of type {@code cType}; returns x[i] = a as doubles. */
    private static Case.Pending scalar(String name, String cType, Object value) {
        return Case.of(name, c -> {
            GPUArray x = c.zeros(DType.FLOAT64, 2);
            c.ctx().elementwiseKernel(cType + " a, double *x", "x[i] = a", "k").call(value, x);
            return x.toDoubleArray();
        });
    }

    @FunctionalInterface
    private interface CallBody {
        void call(ElementwiseKernel k, CaseContext c) throws Exception;
    }
}
