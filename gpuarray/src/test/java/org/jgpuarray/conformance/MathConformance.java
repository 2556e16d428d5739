package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuMath;
import org.junit.jupiter.api.Test;

/** The cumath-like functions in float32, float64 and from integers. */
public abstract class MathConformance extends ConformanceBase {

    private record Fn(String name, UnaryOperator<GPUArray> op, DoubleUnaryOperator ref, double lo, double hi) {
    }

    private static final Fn[] FUNCTIONS = {
        new Fn("exp", GpuMath::exp, Math::exp, -10, 10),
        new Fn("log", GpuMath::log, Math::log, 1e-3, 1e3),
        new Fn("log10", GpuMath::log10, Math::log10, 1e-3, 1e3),
        new Fn("sqrt", GpuMath::sqrt, Math::sqrt, 0, 1e4),
        new Fn("sin", GpuMath::sin, Math::sin, -10, 10),
        new Fn("cos", GpuMath::cos, Math::cos, -10, 10),
        new Fn("tan", GpuMath::tan, Math::tan, -1.2, 1.2),
        new Fn("asin", GpuMath::asin, Math::asin, -1, 1),
        new Fn("acos", GpuMath::acos, Math::acos, -1, 1),
        new Fn("atan", GpuMath::atan, Math::atan, -10, 10),
        new Fn("sinh", GpuMath::sinh, Math::sinh, -5, 5),
        new Fn("cosh", GpuMath::cosh, Math::cosh, -5, 5),
        new Fn("tanh", GpuMath::tanh, Math::tanh, -5, 5),
        new Fn("fabs", GpuMath::fabs, Math::abs, -10, 10),
        new Fn("floor", GpuMath::floor, Math::floor, -10, 10),
        new Fn("ceil", GpuMath::ceil, Math::ceil, -10, 10),
    };

    @Test
    void float32Functions() {
        for (Fn fn : FUNCTIONS) {
            for (int n : SIZES) {
                float[] x = floats(random(fn.name, n), n, fn.lo, fn.hi);
                double[] expected = new double[n];
                for (int k = 0; k < n; k++) {
                    expected[k] = fn.ref.applyAsDouble(x[k]);
                }
                try (GPUArray g = ctx.toGpu(x); GPUArray out = fn.op.apply(g)) {
                    assertEquals(DType.FLOAT32, out.dtype(), fn.name);
                    // float32 functions of the GPU math libraries are accurate to a few ulp
                    assertClose(expected, out.toFloatArray(), 4e-6, 1e-6, fn.name + " float32 n=" + n);
                }
            }
        }
    }

    @Test
    void float64Functions() {
        assumeFp64();
        for (Fn fn : FUNCTIONS) {
            for (int n : new int[] {1, 3, 1000}) {
                double[] x = doubles(random(fn.name + "64", n), n, fn.lo, fn.hi);
                double[] expected = new double[n];
                for (int k = 0; k < n; k++) {
                    expected[k] = fn.ref.applyAsDouble(x[k]);
                }
                try (GPUArray g = ctx.toGpu(x); GPUArray out = fn.op.apply(g)) {
                    assertEquals(DType.FLOAT64, out.dtype(), fn.name);
                    assertClose(expected, out.toDoubleArray(), 1e-14, 1e-15, fn.name + " float64 n=" + n);
                }
            }
        }
    }

    @Test
    void integersGiveFloat64() {
        assumeFp64();
        Random r = random("int-math", 100);
        int[] x = ints(r, 100, 1, 1000);
        double[] expected = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            expected[k] = Math.sqrt(x[k]);
        }
        try (GPUArray g = ctx.toGpu(x); GPUArray out = GpuMath.sqrt(g)) {
            assertEquals(DType.FLOAT64, out.dtype());
            assertClose(expected, out.toDoubleArray(), 1e-15, 0, "sqrt(int32)");
        }
    }

    @Test
    void powOfArrays() {
        float[] x = floats(random("pow", 1000), 1000, 0.1, 3);
        float[] y = floats(random("pow-e", 1000), 1000, -2, 2);
        double[] expected = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            expected[k] = Math.pow(x[k], y[k]);
        }
        try (GPUArray gx = ctx.toGpu(x); GPUArray gy = ctx.toGpu(y)) {
            assertClose(expected, GpuMath.pow(gx, gy).toFloatArray(), 1e-5, 0, "pow");
        }
    }
}
