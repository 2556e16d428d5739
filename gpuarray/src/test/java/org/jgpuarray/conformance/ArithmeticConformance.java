package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/** Binary and unary arithmetic with arrays and scalars, NumPy result types, C integer semantics. */
public abstract class ArithmeticConformance extends ConformanceBase {

    private interface Op {
        GPUArray apply(GPUArray x, GPUArray y);
    }

    private void checkBinary(String name, Op op, DoubleBinaryOperator ref, double lo, double hi, double rtol) {
        for (int n : SIZES) {
            Random r = random(name, n);
            float[] x = floats(r, n, lo, hi);
            float[] y = floats(r, n, lo, hi);
            double[] expected = new double[n];
            for (int k = 0; k < n; k++) {
                expected[k] = (float) ref.applyAsDouble(x[k], y[k]);
            }
            try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y); GPUArray out = op.apply(gx, gy)) {
                assertEquals(DType.FLOAT32, out.dtype(), name);
                assertClose(expected, out.toFloatArray(), rtol, 0, name + " float32 n=" + n);
            }
        }
    }

    @Test
    void float32ArrayArithmetic() {
        checkBinary("add", GPUArray::add, Double::sum, -100, 100, 1e-6);
        checkBinary("sub", GPUArray::sub, (a, b) -> a - b, -100, 100, 1e-6);
        checkBinary("mul", GPUArray::mul, (a, b) -> a * b, -100, 100, 1e-6);
        checkBinary("div", GPUArray::div, (a, b) -> a / b, 0.5, 100, 1e-6);
        checkBinary("pow", GPUArray::pow, Math::pow, 0.5, 2, 1e-5);
        checkBinary("maximum", GPUArray::maximum, Math::max, -100, 100, 0);
        checkBinary("minimum", GPUArray::minimum, Math::min, -100, 100, 0);
    }

    @Test
    void float64ArrayArithmetic() {
        assumeFp64();
        for (int n : SIZES) {
            Random r = random("f64", n);
            double[] x = doubles(r, n, -10, 10);
            double[] y = doubles(r, n, 0.5, 10);
            double[] sum = new double[n];
            double[] quotient = new double[n];
            for (int k = 0; k < n; k++) {
                sum[k] = x[k] + y[k];
                quotient[k] = x[k] / y[k];
            }
            try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y)) {
                assertClose(sum, gx.add(gy).toDoubleArray(), 1e-15, 0, "add float64 n=" + n);
                assertClose(quotient, gx.div(gy).toDoubleArray(), 1e-15, 0, "div float64 n=" + n);
            }
        }
    }

    @Test
    void integerArithmeticWrapsAsC() {
        int[] x = {Integer.MAX_VALUE, Integer.MIN_VALUE, 46341, -7, 7};
        int[] y = {1, -1, 46341, 2, -2};
        try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y)) {
            assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 46341 * 2, -5, 5}, gx.add(gy).toIntArray());
            assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 46341 * 46341, -14, -14},
                    gx.mul(gy).toIntArray(), "int32 multiplication wraps");
            GPUArray q = gx.div(gy);
            assertEquals(DType.FLOAT64, q.dtype(), "int32 / int32 is true division in float64");
            assertClose(new double[] {2147483647.0, 2147483648.0, 1, -3.5, -3.5}, q.toDoubleArray(), 1e-15, 0, "div");
        }
        try (GPUArray base = ctx.toGpu(new int[] {2, 3, -2, 1, -1, 5}); GPUArray e = ctx.toGpu(new int[] {10, 3, 3, -4, -3, 0})) {
            assertArrayEquals(new int[] {1024, 27, -8, 1, -1, 1}, base.pow(e).toIntArray(), "integer power");
        }
    }

    @Test
    void resultTypesFollowNumPy() {
        try (GPUArray i32 = ctx.toGpu(new int[] {1, 2}); GPUArray f32 = ctx.toGpu(new float[] {1, 2});
             GPUArray i64 = ctx.toGpu(new long[] {1, 2}); GPUArray b = ctx.toGpu(new boolean[] {true, false})) {
            assertEquals(DType.FLOAT64, i32.add(f32).dtype(), "int32 + float32");
            assertEquals(DType.INT64, i32.add(i64).dtype(), "int32 + int64");
            assertEquals(DType.INT32, b.add(i32).dtype(), "bool + int32");
            assertEquals(DType.FLOAT32, f32.mul(2).dtype(), "float32 * Java int stays float32 (NEP 50)");
            assertEquals(DType.FLOAT32, f32.mul(2.5).dtype(), "float32 * Java double stays float32 (NEP 50)");
            assertEquals(DType.INT32, i32.mul(3).dtype(), "int32 * Java int stays int32");
            assertEquals(DType.FLOAT64, i32.mul(0.5).dtype(), "int32 * Java double is float64");
            assertEquals(DType.INT64, b.add(1).dtype(), "bool + Java int is int64");
            assertEquals(DType.BOOL, f32.lt(i32).dtype(), "comparisons give bool");
            assertArrayEquals(new double[] {0.5, 1.0}, i32.mul(0.5).toDoubleArray());
        }
    }

    @Test
    void scalarOperandsOnBothSides() {
        for (int n : SIZES) {
            Random r = random("scalar", n);
            float[] x = floats(r, n, 0.5, 10);
            double[] plus = new double[n];
            double[] rsub = new double[n];
            double[] rdiv = new double[n];
            double[] pow = new double[n];
            for (int k = 0; k < n; k++) {
                plus[k] = (float) (x[k] + 1.5f);
                rsub[k] = (float) (3f - x[k]);
                rdiv[k] = (float) (1f / x[k]);
                pow[k] = (float) Math.pow(x[k], 2);
            }
            try (GPUArray g = ctx.toGpu(x)) {
                assertClose(plus, g.add(1.5).toFloatArray(), 1e-6, 0, "x + 1.5, n=" + n);
                assertClose(rsub, g.rsub(3).toFloatArray(), 1e-6, 0, "3 - x, n=" + n);
                assertClose(rdiv, g.rdiv(1).toFloatArray(), 1e-6, 0, "1 / x, n=" + n);
                assertClose(pow, g.pow(2).toFloatArray(), 1e-6, 0, "x ** 2, n=" + n);
            }
        }
    }

    @Test
    void comparisonsAndNaN() {
        float nan = Float.NaN;
        try (GPUArray x = ctx.toGpu(new float[] {1, 2, nan, 4}); GPUArray y = ctx.toGpu(new float[] {2, 2, 1, nan})) {
            assertArrayEquals(new boolean[] {true, false, false, false}, x.lt(y).toBooleanArray());
            assertArrayEquals(new boolean[] {true, true, false, false}, x.le(y).toBooleanArray());
            assertArrayEquals(new boolean[] {false, false, false, false}, x.gt(y).toBooleanArray());
            assertArrayEquals(new boolean[] {false, true, false, false}, x.ge(y).toBooleanArray());
            assertArrayEquals(new boolean[] {false, true, false, false}, x.eq(y).toBooleanArray());
            assertArrayEquals(new boolean[] {true, false, true, true}, x.ne(y).toBooleanArray());
            assertArrayEquals(new boolean[] {false, true, false, true}, x.gt(1.5).toBooleanArray());
            assertArrayEquals(new float[] {2, 2, nan, nan}, x.maximum(y).toFloatArray(), "maximum propagates NaN");
            assertArrayEquals(new float[] {1, 2, nan, nan}, x.minimum(y).toFloatArray(), "minimum propagates NaN");
        }
    }

    @Test
    void negationAndAbsoluteValue() {
        for (int n : SIZES) {
            Random r = random("neg", n);
            int[] x = ints(r, n, -1000, 1000);
            int[] neg = new int[n];
            int[] abs = new int[n];
            for (int k = 0; k < n; k++) {
                neg[k] = -x[k];
                abs[k] = Math.abs(x[k]);
            }
            try (GPUArray g = ctx.toGpu(x)) {
                assertArrayEquals(neg, g.neg().toIntArray(), "neg n=" + n);
                assertArrayEquals(abs, g.abs().toIntArray(), "abs n=" + n);
            }
        }
    }
}
