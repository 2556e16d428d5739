package org.jgpuarray;


/**
 * Elementwise math functions of arrays, like PyCUDA's {@code cumath}: each returns a new array (or
 * writes into {@code out}), float32 for float32 input and float64 for float64, integer or bool input.
 * Views of any layout are accepted.
 */
public final class GpuMath {
    private GpuMath() {
    }

    private static GPUArray apply(UnaryOp op, GPUArray x, GPUArray out) {
        return java.util.Objects.requireNonNull(x, "x").unary(op, out);
    }

    /** e<sup>x</sup>. */
    public static GPUArray exp(GPUArray x) {
        return apply(UnaryOp.EXP, x, null);
    }

    /** e<sup>x</sup>. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray exp(GPUArray x, GPUArray out) {
        return apply(UnaryOp.EXP, x, out);
    }

    /** Natural logarithm. */
    public static GPUArray log(GPUArray x) {
        return apply(UnaryOp.LOG, x, null);
    }

    /** Natural logarithm. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray log(GPUArray x, GPUArray out) {
        return apply(UnaryOp.LOG, x, out);
    }

    /** Base-10 logarithm. */
    public static GPUArray log10(GPUArray x) {
        return apply(UnaryOp.LOG10, x, null);
    }

    /** Base-10 logarithm. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray log10(GPUArray x, GPUArray out) {
        return apply(UnaryOp.LOG10, x, out);
    }

    /** Square root. */
    public static GPUArray sqrt(GPUArray x) {
        return apply(UnaryOp.SQRT, x, null);
    }

    /** Square root. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray sqrt(GPUArray x, GPUArray out) {
        return apply(UnaryOp.SQRT, x, out);
    }

    /** Sine. */
    public static GPUArray sin(GPUArray x) {
        return apply(UnaryOp.SIN, x, null);
    }

    /** Sine. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray sin(GPUArray x, GPUArray out) {
        return apply(UnaryOp.SIN, x, out);
    }

    /** Cosine. */
    public static GPUArray cos(GPUArray x) {
        return apply(UnaryOp.COS, x, null);
    }

    /** Cosine. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray cos(GPUArray x, GPUArray out) {
        return apply(UnaryOp.COS, x, out);
    }

    /** Tangent. */
    public static GPUArray tan(GPUArray x) {
        return apply(UnaryOp.TAN, x, null);
    }

    /** Tangent. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray tan(GPUArray x, GPUArray out) {
        return apply(UnaryOp.TAN, x, out);
    }

    /** Arc sine. */
    public static GPUArray asin(GPUArray x) {
        return apply(UnaryOp.ASIN, x, null);
    }

    /** Arc sine. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray asin(GPUArray x, GPUArray out) {
        return apply(UnaryOp.ASIN, x, out);
    }

    /** Arc cosine. */
    public static GPUArray acos(GPUArray x) {
        return apply(UnaryOp.ACOS, x, null);
    }

    /** Arc cosine. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray acos(GPUArray x, GPUArray out) {
        return apply(UnaryOp.ACOS, x, out);
    }

    /** Arc tangent. */
    public static GPUArray atan(GPUArray x) {
        return apply(UnaryOp.ATAN, x, null);
    }

    /** Arc tangent. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray atan(GPUArray x, GPUArray out) {
        return apply(UnaryOp.ATAN, x, out);
    }

    /** Hyperbolic sine. */
    public static GPUArray sinh(GPUArray x) {
        return apply(UnaryOp.SINH, x, null);
    }

    /** Hyperbolic sine. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray sinh(GPUArray x, GPUArray out) {
        return apply(UnaryOp.SINH, x, out);
    }

    /** Hyperbolic cosine. */
    public static GPUArray cosh(GPUArray x) {
        return apply(UnaryOp.COSH, x, null);
    }

    /** Hyperbolic cosine. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray cosh(GPUArray x, GPUArray out) {
        return apply(UnaryOp.COSH, x, out);
    }

    /** Hyperbolic tangent. */
    public static GPUArray tanh(GPUArray x) {
        return apply(UnaryOp.TANH, x, null);
    }

    /** Hyperbolic tangent. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray tanh(GPUArray x, GPUArray out) {
        return apply(UnaryOp.TANH, x, out);
    }

    /** Absolute value, in floating point. */
    public static GPUArray fabs(GPUArray x) {
        return apply(UnaryOp.FABS, x, null);
    }

    /** Absolute value, in floating point. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray fabs(GPUArray x, GPUArray out) {
        return apply(UnaryOp.FABS, x, out);
    }

    /** Largest integral value not greater than x, in floating point. */
    public static GPUArray floor(GPUArray x) {
        return apply(UnaryOp.FLOOR, x, null);
    }

    /** Largest integral value not greater than x, in floating point. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray floor(GPUArray x, GPUArray out) {
        return apply(UnaryOp.FLOOR, x, out);
    }

    /** Smallest integral value not less than x, in floating point. */
    public static GPUArray ceil(GPUArray x) {
        return apply(UnaryOp.CEIL, x, null);
    }

    /** Smallest integral value not less than x, in floating point. Into {@code out} (the result's dtype and x's shape; modified), which is returned. */
    public static GPUArray ceil(GPUArray x, GPUArray out) {
        return apply(UnaryOp.CEIL, x, out);
    }

    /** x<sup>y</sup> elementwise; shapes must match. */
    public static GPUArray pow(GPUArray x, GPUArray y) {
        return java.util.Objects.requireNonNull(x, "x").pow(java.util.Objects.requireNonNull(y, "y"));
    }

    /** x<sup>y</sup> for a scalar exponent. */
    public static GPUArray pow(GPUArray x, double y) {
        return java.util.Objects.requireNonNull(x, "x").pow(y);
    }

    // ---- selection (implemented in Selection) ---------------------------------------------------------

    /**
     * NumPy's {@code where}: {@code a} where {@code cond} is nonzero (true, or a nonzero number; NaN counts as
     * nonzero), else {@code b}; the three broadcast by NumPy's rules and may be views. The result, a new array,
     * has NumPy's common dtype of a and b. None of the arguments is modified.
     *
     * @throws IllegalArgumentException naming the shapes when they do not broadcast
     */
    public static GPUArray where(GPUArray cond, GPUArray a, GPUArray b) {
        return Selection.select(false, cond, java.util.Objects.requireNonNull(a, "a"),
                java.util.Objects.requireNonNull(b, "b"), null);
    }

    /**
     * {@link #where(GPUArray, GPUArray, GPUArray)} into {@code out} (the broadcast shape and the result's dtype;
     * modified), which is returned.
     */
    public static GPUArray where(GPUArray cond, GPUArray a, GPUArray b, GPUArray out) {
        return Selection.select(false, cond, java.util.Objects.requireNonNull(a, "a"),
                java.util.Objects.requireNonNull(b, "b"), java.util.Objects.requireNonNull(out, "out"));
    }

    /**
     * {@link #where(GPUArray, GPUArray, GPUArray)} with a scalar {@code b}, typed as NEP 50 says: a Java integer
     * takes a's dtype, a Java floating-point value keeps a floating dtype and makes an integer one float64.
     */
    public static GPUArray where(GPUArray cond, GPUArray a, Number b) {
        return Selection.select(false, cond, java.util.Objects.requireNonNull(a, "a"),
                java.util.Objects.requireNonNull(b, "b"), null);
    }

    /** {@link #where(GPUArray, GPUArray, Number)} with the scalar first. */
    public static GPUArray where(GPUArray cond, Number a, GPUArray b) {
        return Selection.select(false, cond, java.util.Objects.requireNonNull(a, "a"),
                java.util.Objects.requireNonNull(b, "b"), null);
    }

    /**
     * {@link #where(GPUArray, GPUArray, GPUArray)} with two scalars: an array of cond's shape, int64 for two
     * integers and float64 when either is floating-point (as NumPy with Python scalars).
     */
    public static GPUArray where(GPUArray cond, Number a, Number b) {
        return Selection.select(false, cond, java.util.Objects.requireNonNull(a, "a"),
                java.util.Objects.requireNonNull(b, "b"), null);
    }

    /**
     * PyCUDA's {@code if_positive}: {@code then} where {@code criterion > 0} (NaN is not positive), else
     * {@code otherwise}; broadcast as {@link #where(GPUArray, GPUArray, GPUArray)}. A new array; none of the
     * arguments is modified.
     */
    public static GPUArray ifPositive(GPUArray criterion, GPUArray then, GPUArray otherwise) {
        return Selection.select(true, criterion, java.util.Objects.requireNonNull(then, "then"),
                java.util.Objects.requireNonNull(otherwise, "otherwise"), null);
    }

    /** NumPy's {@code clip} of {@code x}: {@link GPUArray#clip(Number, Number)}. */
    public static GPUArray clip(GPUArray x, Number lo, Number hi) {
        return java.util.Objects.requireNonNull(x, "x").clip(lo, hi);
    }

    /** NumPy's {@code clip} of {@code x} with array bounds: {@link GPUArray#clip(GPUArray, GPUArray)}. */
    public static GPUArray clip(GPUArray x, GPUArray lo, GPUArray hi) {
        return java.util.Objects.requireNonNull(x, "x").clip(lo, hi);
    }
}
