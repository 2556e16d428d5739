package org.jgpuarray;

import java.util.Locale;

/** The unary elementwise operations of {@code GPUArray} and {@code GpuMath}. */
enum UnaryOp {
    NEG, ABS, EXP, LOG, LOG10, SQRT, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, FABS, FLOOR, CEIL;

    /** The result dtype: NEG and ABS keep the type; the math functions give floating point. */
    public DType resultType(DType in) {
        DType.requireReal(in);
        if (this == NEG && in == DType.BOOL) {
            throw new IllegalArgumentException("negation of a bool array is not supported; use astype first");
        }
        if (this == NEG || this == ABS) {
            return in == DType.BOOL ? DType.BOOL : in;
        }
        return in.toFloating();
    }

    /** The C expression applied to {@code x}, already converted to the result type. */
    String expression(String x, DType type) {
        return switch (this) {
            case NEG -> "-" + x;
            case ABS -> type.isFloatingPoint() ? "fabs(" + x + ")" : "(" + x + " < 0 ? -" + x + " : " + x + ")";
            default -> name().toLowerCase(Locale.ROOT) + "(" + x + ")";
        };
    }
}
