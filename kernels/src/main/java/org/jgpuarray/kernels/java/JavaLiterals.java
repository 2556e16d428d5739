package org.jgpuarray.kernels.java;

/** Java literals for typed constants, exact for every float and double value (NaN and infinities included). */
final class JavaLiterals {
    private JavaLiterals() {
    }

    /** The literal of {@code c}, of the Java kind of its C type. */
    static JCode of(TExpr.Constant c) {
        Object v = c.value();
        return switch (c.type()) {
            case BOOL -> new JCode(v.toString(), JavaKind.BOOLEAN, Precedence.PRIMARY);
            case INT -> signed(v.toString(), JavaKind.INT);
            case LONG -> signed(v + "L", JavaKind.LONG);
            case FLOAT -> floating((Float) v, JavaKind.FLOAT);
            case DOUBLE -> floating((Double) v, JavaKind.DOUBLE);
            case VOID -> throw new IllegalArgumentException("void constant");
        };
    }

    private static JCode floating(double v, JavaKind kind) {
        String box = kind == JavaKind.FLOAT ? "Float" : "Double";
        if (Double.isNaN(v)) {
            return new JCode(box + ".NaN", kind, Precedence.PRIMARY);
        }
        if (Double.isInfinite(v)) {
            return new JCode(box + (v > 0 ? ".POSITIVE_INFINITY" : ".NEGATIVE_INFINITY"), kind, Precedence.PRIMARY);
        }
        String text = kind == JavaKind.FLOAT ? Float.toString((float) v) + "f" : Double.toString(v);
        return signed(text, kind);
    }

    private static JCode signed(String text, JavaKind kind) {
        return new JCode(text, kind, text.startsWith("-") ? Precedence.UNARY : Precedence.PRIMARY);
    }

    /** The literal 1 of a numeric kind. */
    static String one(JavaKind kind) {
        return switch (kind) {
            case LONG -> "1L";
            case FLOAT -> "1.0f";
            case DOUBLE -> "1.0";
            default -> "1";
        };
    }

    /** The literal 0 of a kind ({@code false} for boolean). */
    static String zero(JavaKind kind) {
        return switch (kind) {
            case BOOLEAN -> "false";
            case LONG -> "0L";
            case FLOAT -> "0.0f";
            case DOUBLE -> "0.0";
            default -> "0";
        };
    }
}
