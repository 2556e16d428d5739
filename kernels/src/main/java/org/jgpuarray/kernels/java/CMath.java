package org.jgpuarray.kernels.java;

/**
 * C math functions that {@link java.lang.Math} lacks or defines differently, called by the classes
 * {@link JavaSourceGenerator} generates. Public only so that generated code can reach it; not meant for
 * direct use. Stateless and thread-safe.
 */
public final class CMath {
    private static final double LN2 = Math.log(2.0);

    private CMath() {
    }

    /** C {@code fmin}: the smaller argument; when one is NaN, the other. */
    public static double fmin(double a, double b) {
        return a != a ? b : b != b ? a : Math.min(a, b);
    }

    /** C {@code fminf}: the smaller argument; when one is NaN, the other. */
    public static float fmin(float a, float b) {
        return a != a ? b : b != b ? a : Math.min(a, b);
    }

    /** C {@code fmax}: the larger argument; when one is NaN, the other. */
    public static double fmax(double a, double b) {
        return a != a ? b : b != b ? a : Math.max(a, b);
    }

    /** C {@code fmaxf}: the larger argument; when one is NaN, the other. */
    public static float fmax(float a, float b) {
        return a != a ? b : b != b ? a : Math.max(a, b);
    }

    /** C {@code fdim}: {@code a - b} when {@code a > b}, else +0; NaN when either is NaN. */
    public static double fdim(double a, double b) {
        return a > b ? a - b : a <= b ? 0.0 : Double.NaN;
    }

    /** C {@code fdimf}. */
    public static float fdim(float a, float b) {
        return a > b ? a - b : a <= b ? 0.0f : Float.NaN;
    }

    /** C {@code fmod}: the remainder of truncated division, which Java's {@code %} computes. */
    public static double fmod(double a, double b) {
        return a % b;
    }

    /** C {@code trunc}: rounds toward zero. */
    public static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /** C {@code round}: rounds to the nearest integer, halfway cases away from zero. */
    public static double round(double x) {
        double t = trunc(x);
        if (Math.abs(x - t) >= 0.5) {
            t += Math.copySign(1.0, x);
        }
        return t;
    }

    /** C {@code log2}, exact for powers of two. */
    public static double log2(double x) {
        if (x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY
                && (Double.doubleToRawLongBits(x) & 0x000F_FFFF_FFFF_FFFFL) == 0) {
            return Math.getExponent(x);
        }
        return Math.log(x) / LN2;
    }

    /** C {@code exp2}: 2 to the power {@code x}. */
    public static double exp2(double x) {
        return Math.pow(2.0, x);
    }

    /** CUDA/OpenCL {@code rsqrt}: {@code 1 / sqrt(x)}. */
    public static double rsqrt(double x) {
        return 1.0 / Math.sqrt(x);
    }

    /** C {@code isnan}. */
    public static boolean isnan(double x) {
        return x != x;
    }

    /** C {@code isnan} of a float. */
    public static boolean isnan(float x) {
        return x != x;
    }

    /** C {@code isinf}. */
    public static boolean isinf(double x) {
        return Double.isInfinite(x);
    }

    /** C {@code isinf} of a float. */
    public static boolean isinf(float x) {
        return Float.isInfinite(x);
    }

    /** C {@code isfinite}. */
    public static boolean isfinite(double x) {
        return Double.isFinite(x);
    }

    /** C {@code isfinite} of a float. */
    public static boolean isfinite(float x) {
        return Float.isFinite(x);
    }

    /** C {@code signbit}: true for negative numbers, -0.0 and NaNs with the sign bit set. */
    public static boolean signbit(double x) {
        return Double.doubleToRawLongBits(x) < 0;
    }

    /** C {@code signbit} of a float. */
    public static boolean signbit(float x) {
        return Float.floatToRawIntBits(x) < 0;
    }
}
