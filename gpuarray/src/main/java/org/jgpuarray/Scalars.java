package org.jgpuarray;

/** Conversion of Java scalars into the boxed kernel values of a dtype. */
final class Scalars {
    private Scalars() {
    }

    /**
     * {@code value} as the boxed Java type of {@code type}: Float, Double, Integer, Long or Byte (bool).
     *
     * @param what names the value in error messages, e.g. "argument 1 'a' of kernel 'lin'"
     * @throws IllegalArgumentException when the value does not fit: a fraction for an integer type, an
     *                                  integer out of int32 range, a non-number
     */
    static Object box(Object value, DType type, String what) {
        if (value instanceof Boolean b) {
            value = b ? 1 : 0;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(what + " must be a number for " + type.cName() + ", got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return switch (type) {
            case FLOAT32 -> number.floatValue();
            case FLOAT64 -> number.doubleValue();
            case INT32 -> (int) integral(number, type, what);
            case INT64 -> integral(number, type, what);
            case BOOL -> (byte) (number.doubleValue() != 0 ? 1 : 0);
            default -> throw new IllegalArgumentException(what + " cannot be " + type.numpyName());
        };
    }

    private static long integral(Number number, DType type, String what) {
        long v = number.longValue();
        if (number instanceof Float || number instanceof Double) {
            double d = number.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(what + " is " + type.cName() + ", but got the fraction " + d);
            }
            if (d < -0x1p63 || d >= 0x1p63) {
                throw new IllegalArgumentException(what + ": " + d + " does not fit " + type.cName());
            }
        }
        if (type == DType.INT32 && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(what + ": " + v + " is out of range for int32");
        }
        return v;
    }
}
