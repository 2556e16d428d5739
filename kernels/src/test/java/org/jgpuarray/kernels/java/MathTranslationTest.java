package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.jgpuarray.kernels.SnippetSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Math functions and constants: values, NaN behaviour and the float/double overload rules. */
class MathTranslationTest {
    /** Evaluates {@code expression} (in {@code x}, a double) for each input into a double array. */
    private static double[] doubles(String expression, double... xs) {
        double[] out = new double[xs.length];
        Compiled.run(Compiled.elementwise("double *in, double *out", "double x = in[i]; out[i] = " + expression),
                xs.length, xs, out);
        return out;
    }

    /** Evaluates {@code expression} (in {@code x}, a float) for each input into a float array. */
    private static float[] floats(String expression, float... xs) {
        float[] out = new float[xs.length];
        Compiled.run(Compiled.elementwise("float *in, float *out", "float x = in[i]; out[i] = " + expression),
                xs.length, xs, out);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"exp", "log", "log10", "sqrt", "cbrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
        "tanh", "expm1", "log1p"})
    void floatAndDoubleVersionsAgreeWithJavaMath(String name) {
        DoubleUnaryOperator reference = switch (name) {
            case "exp" -> Math::exp;
            case "log" -> Math::log;
            case "log10" -> Math::log10;
            case "sqrt" -> Math::sqrt;
            case "cbrt" -> Math::cbrt;
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "tan" -> Math::tan;
            case "asin" -> Math::asin;
            case "acos" -> Math::acos;
            case "atan" -> Math::atan;
            case "sinh" -> Math::sinh;
            case "cosh" -> Math::cosh;
            case "tanh" -> Math::tanh;
            case "expm1" -> Math::expm1;
            default -> Math::log1p;
        };
        double[] xs = {0.25, 0.5, 0.75};
        float[] fs = {0.25f, 0.5f, 0.75f};
        double[] d = doubles(name + "(x)", xs);
        float[] generic = floats(name + "(x)", fs);
        float[] suffixed = floats(name + "f(x)", fs);
        for (int k = 0; k < xs.length; k++) {
            assertEquals(reference.applyAsDouble(xs[k]), d[k], 0.0, name + "(" + xs[k] + ")");
            assertEquals((float) reference.applyAsDouble(fs[k]), generic[k], 0.0f, name + "(float)");
            assertEquals(generic[k], suffixed[k], 0.0f, name + "f");
        }
    }

    @Test
    void roundingFunctionsFollowC() {
        double[] xs = {2.5, -2.5, 0.5, -0.4, 2.7, -2.7};
        assertArrayEquals(new double[] {3, -3, 1, -0.0, 3, -3}, doubles("round(x)", xs));
        assertArrayEquals(new double[] {2, -2, 0, -0.0, 2, -2}, doubles("trunc(x)", xs));
        assertArrayEquals(new double[] {2, -3, 0, -1, 2, -3}, doubles("floor(x)", xs));
        assertArrayEquals(new double[] {3, -2, 1, -0.0, 3, -2}, doubles("ceil(x)", xs));
        assertArrayEquals(new double[] {2, -2, 0, -0.0, 3, -3}, doubles("rint(x)", xs));
        assertArrayEquals(new float[] {3, -3, 1, -0.0f, 3, -3},
                floats("roundf(x)", 2.5f, -2.5f, 0.5f, -0.4f, 2.7f, -2.7f));
    }

    @Test
    void binaryAndTernaryFunctions() {
        double[] out = doubles("i == 0 ? pow(x, 10) : i == 1 ? fmod(-7.0, x) : i == 2 ? atan2(x, x) : i == 3"
                + " ? hypot(3.0, 4) : i == 4 ? copysign(x, -0.0) : i == 5 ? fdim(x, 5) : i == 6 ? fdim(5, x)"
                + " : i == 7 ? fma(x, 3, 4) : i == 8 ? log2(x) : i == 9 ? exp2(x) : rsqrt(x)",
                2, 3, 1, 0, 2, 7, 7, 2, 8, 10, 4);
        assertArrayEquals(new double[] {1024, -1, Math.PI / 4, 5, -2, 2, 0, 10, 3, 1024, 0.5}, out);
    }

    @Test
    void fminAndFmaxReturnTheOtherArgumentForNaN() {
        double nan = Double.NaN;
        assertArrayEquals(new double[] {1, 1, 1, nan}, doubles("fmin(x, i == 3 ? NAN : 1.0)", nan, 1, 2, nan));
        assertArrayEquals(new double[] {1, 1, 2}, doubles("fmax(1.0, x)", nan, 1, 2));
        assertArrayEquals(new float[] {2, 2, -1}, floats("min(x, 2.0f)", Float.NaN, 3, -1));
        assertArrayEquals(new float[] {-5, 3, 7}, floats("fmaxf(NAN, max(x, -5))", Float.NaN, 3, 7));
    }

    @Test
    void classificationFunctions() {
        double[] xs = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1.5, -2};
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, doubles("isnan(x)", xs));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0}, doubles("isinf(x)", xs));
        assertArrayEquals(new double[] {0, 0, 1, 1, 1}, doubles("isfinite(x)", xs));
        assertArrayEquals(new double[] {0, 0, 1, 0, 1}, doubles("signbit(x) != 0", xs));
        assertArrayEquals(new float[] {1, 0, 0}, floats("isnan(x) ? 1 : 0", Float.NaN, 1, Float.NEGATIVE_INFINITY));
    }

    @Test
    void floatArgumentsGiveFloatResultsAndDoubleArgumentsDouble() {
        float[] f = {2};
        int[] k = {2};
        double[] out = new double[6];
        Compiled.run(Compiled.elementwise("float *f, int *k, double *out",
                "out[0] = sqrt(f[0]); out[1] = sqrt((double) k[0]); out[2] = sqrtf(2.0); out[3] = exp(f[0]) - exp(k[0] + 0.0);"
                        + "out[4] = pow(f[0], 0.5f); out[5] = pow(f[0], 2) + pow(2, f[0])"), 1, f, k, out);
        assertEquals((double) (float) Math.sqrt(2), out[0]);
        assertEquals(Math.sqrt(2), out[1]);
        assertEquals((double) (float) Math.sqrt(2), out[2]);
        assertEquals((double) (float) Math.exp(2) - Math.exp(2), out[3]);
        assertEquals((double) (float) Math.sqrt(2), out[4]);
        assertEquals(8.0, out[5], "an integer argument beside a float one gives float, as in OpenCL C and CUDA");
    }

    /**
     * OpenCL C and CUDA overload the math functions for float and double only: a call with no floating
     * argument, or with float and double ones, is ambiguous there and refused here too (found by the
     * snippet fuzzer: the CPU used to accept {@code sqrt(k)} and {@code fmod(x, 2.0)} for float x).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            out[0] = sqrt(k[0]);            | sqrt of integer arguments
            out[0] = hypot(3, 4);           | hypot of integer arguments
            out[0] = isnan(k[0]);           | isnan of integer arguments
            out[0] = fmod(f[0], 2.0);       | fmod of float and double arguments
            out[0] = fma(f[0], 2, out[0]);  | fma of float and double arguments
            """)
    void callsThatAreAmbiguousOnGpusAreRefused(String operation, String construct) {
        SnippetSyntaxException e = assertThrows(SnippetSyntaxException.class,
                () -> Compiled.elementwise("float *f, int *k, double *out", operation));
        assertEquals(construct, e.construct(), e.getMessage());
        assertTrue(e.getMessage().contains("ambiguous in OpenCL C and CUDA"), e.getMessage());
    }

    @Test
    void minMaxAndAbsOnIntegersUseTheUsualConversions() {
        int[] k = {-7, 3};
        long[] big = {1L << 40, -(1L << 40)};
        long[] out = new long[2];
        double[] mixed = new double[2];
        Compiled.run(Compiled.elementwise("int *k, long *big, long *out, double *mixed",
                "out[i] = max(k[i], big[i]) + abs(k[i]) + labs(big[i]) - llabs(big[i]);"
                        + "mixed[i] = min(k[i], 2.5) + abs(-1.25f) + fabs((double) k[i])"), 2, k, big, out, mixed);
        assertArrayEquals(new long[] {(1L << 40) + 7, 3 + 3}, out);
        assertArrayEquals(new double[] {-7 + 1.25 + 7, 2.5 + 1.25 + 3}, mixed);
    }

    @Test
    void namedConstants() {
        double[] out = new double[15];
        Compiled.run(Compiled.elementwise("double *out",
                "double v[15] = {INFINITY, -INFINITY, M_PI, M_E, M_PI_F, FLT_MAX, FLT_MIN, FLT_EPSILON, DBL_MAX,"
                        + " DBL_MIN, DBL_EPSILON, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN}; out[i] = v[i]"), 15, out);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI, Math.E,
            (float) Math.PI, Float.MAX_VALUE, Float.MIN_NORMAL, Math.ulp(1.0f), Double.MAX_VALUE, Double.MIN_NORMAL,
            Math.ulp(1.0), Integer.MAX_VALUE, Integer.MIN_VALUE, (double) Long.MAX_VALUE, (double) Long.MIN_VALUE},
            out);
        assertArrayEquals(new double[] {Double.NaN}, doubles("NAN", 0));
        assertArrayEquals(new double[] {(double) (1.0f / 3)}, doubles("1.0f / 3", 0), "float arithmetic stays float");
    }
}
