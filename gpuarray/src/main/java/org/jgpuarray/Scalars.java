package org.jgpuarray;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Conversion of Java scalars into the boxed kernel values of a dtype. */
final class Scalars {
    private Scalars() {
    }

    /**
     * {@code value} as the boxed Java type of {@code type}: Float, Double, Integer, Long or Byte (bool).
     * Floating-point targets round to nearest as Java's casts do; integer targets take only integral values
     * in range. {@link BigInteger} and {@link BigDecimal} values are converted exactly or refused, never
     * truncated.
     *
     * @param what names the value in error messages, e.g. "argument 1 'a' of kernel 'lin'"; asked only on
     *             an error, so that a call builds no message it does not throw
     * @throws IllegalArgumentException when the value does not fit, naming it: a fraction for an integer
     *                                  type, an integer out of range, a big number beyond a float type's
     *                                  range, a non-number
     */
    static Object box(Object value, DType type, Supplier<String> what) {
        if (isBoxedAs(value, type)) {
            return value; // already the box the conversion would make, equal in value
        }
        if (value instanceof Boolean b) {
            value = b ? 1 : 0;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(what.get() + " must be a number for " + type.cName() + ", got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return switch (type) {
            case FLOAT32 -> (float) floating(number, type, what);
            case FLOAT64 -> floating(number, type, what);
            case INT32 -> (int) integral(number, type, what);
            case INT64 -> integral(number, type, what);
            case BOOL -> (byte) (number.doubleValue() != 0 ? 1 : 0);
            default -> throw new IllegalArgumentException(what.get() + " cannot be " + type.numpyName());
        };
    }

    /** True when {@code value} is the exact box of {@code type}'s Java type (Float for float32...), bool aside. */
    private static boolean isBoxedAs(Object value, DType type) {
        return switch (type) {
            case FLOAT32 -> value instanceof Float;
            case FLOAT64 -> value instanceof Double;
            case INT32 -> value instanceof Integer;
            case INT64 -> value instanceof Long;
            default -> false;
        };
    }

    /** The value as a double; a big number that overflows the target float type is refused. */
    private static double floating(Number number, DType type, Supplier<String> what) {
        double d = type == DType.FLOAT32 ? number.floatValue() : number.doubleValue();
        if (Double.isInfinite(d) && (number instanceof BigInteger || number instanceof BigDecimal)) {
            throw new IllegalArgumentException(what.get() + ": " + number + " is out of range for " + type.numpyName());
        }
        return d;
    }

    private static long integral(Number number, DType type, Supplier<String> what) {
        long v;
        if (number instanceof BigInteger || number instanceof BigDecimal) {
            v = exact(number, type, what);
        } else if (isJavaInteger(number)) {
            v = number.longValue();
        } else {
            double d = number.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(what.get() + " is " + type.cName() + ", but got the fraction " + d);
            }
            if (d < -0x1p63 || d >= 0x1p63) {
                throw new IllegalArgumentException(what.get() + ": " + d + " does not fit " + type.cName());
            }
            v = (long) d;
        }
        if (type == DType.INT32 && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(what.get() + ": " + v + " is out of range for int32");
        }
        return v;
    }

    private static boolean isJavaInteger(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof AtomicInteger || number instanceof AtomicLong || number instanceof LongAdder
                || number instanceof LongAccumulator;
    }

    /** A BigInteger or BigDecimal as a long, exactly, or an exception naming the value. */
    private static long exact(Number number, DType type, Supplier<String> what) {
        BigDecimal d = number instanceof BigDecimal b ? b : new BigDecimal((BigInteger) number);
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            boolean fraction = d.signum() != 0 && d.stripTrailingZeros().scale() > 0;
            throw new IllegalArgumentException(what.get() + " is " + type.cName() + ", but " + number
                    + (fraction ? " has a fraction" : " is out of range for " + type.numpyName()));
        }
    }
}
