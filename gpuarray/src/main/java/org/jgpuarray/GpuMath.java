package org.jgpuarray;


/**
 * Elementwise math functions of arrays, like PyCUDA's {@code cumath}: each returns a new array,
 * float32 for float32 input and float64 for float64, integer or bool input.
 */
public final class GpuMath {
    private GpuMath() {
    }

    /** e<sup>x</sup>. */
    public static GPUArray exp(GPUArray x) {
        return x.unary(UnaryOp.EXP);
    }

    /** Natural logarithm. */
    public static GPUArray log(GPUArray x) {
        return x.unary(UnaryOp.LOG);
    }

    /** Base-10 logarithm. */
    public static GPUArray log10(GPUArray x) {
        return x.unary(UnaryOp.LOG10);
    }

    /** Square root. */
    public static GPUArray sqrt(GPUArray x) {
        return x.unary(UnaryOp.SQRT);
    }

    /** Sine. */
    public static GPUArray sin(GPUArray x) {
        return x.unary(UnaryOp.SIN);
    }

    /** Cosine. */
    public static GPUArray cos(GPUArray x) {
        return x.unary(UnaryOp.COS);
    }

    /** Tangent. */
    public static GPUArray tan(GPUArray x) {
        return x.unary(UnaryOp.TAN);
    }

    /** Arc sine. */
    public static GPUArray asin(GPUArray x) {
        return x.unary(UnaryOp.ASIN);
    }

    /** Arc cosine. */
    public static GPUArray acos(GPUArray x) {
        return x.unary(UnaryOp.ACOS);
    }

    /** Arc tangent. */
    public static GPUArray atan(GPUArray x) {
        return x.unary(UnaryOp.ATAN);
    }

    /** Hyperbolic sine. */
    public static GPUArray sinh(GPUArray x) {
        return x.unary(UnaryOp.SINH);
    }

    /** Hyperbolic cosine. */
    public static GPUArray cosh(GPUArray x) {
        return x.unary(UnaryOp.COSH);
    }

    /** Hyperbolic tangent. */
    public static GPUArray tanh(GPUArray x) {
        return x.unary(UnaryOp.TANH);
    }

    /** Absolute value, in floating point. */
    public static GPUArray fabs(GPUArray x) {
        return x.unary(UnaryOp.FABS);
    }

    /** Largest integral value not greater than x, in floating point. */
    public static GPUArray floor(GPUArray x) {
        return x.unary(UnaryOp.FLOOR);
    }

    /** Smallest integral value not less than x, in floating point. */
    public static GPUArray ceil(GPUArray x) {
        return x.unary(UnaryOp.CEIL);
    }

    /** x<sup>y</sup> elementwise; shapes must match. */
    public static GPUArray pow(GPUArray x, GPUArray y) {
        return x.pow(y);
    }

    /** x<sup>y</sup> for a scalar exponent. */
    public static GPUArray pow(GPUArray x, double y) {
        return x.pow(y);
    }
}
