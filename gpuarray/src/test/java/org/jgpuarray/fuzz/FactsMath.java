package org.jgpuarray.fuzz;

/**
 * Facts of C operators applied to values with known facts; {@code null} where some operand values would
 * make the operation undefined in C (signed overflow, division by zero, {@code MIN / -1}, shifts out of
 * range, negative left shifts) and the generator must not use it on those operands.
 */
final class FactsMath {
    private FactsMath() {
    }

    /** {@code a op b} in type {@code t}, both operands already converted to {@code t}. */
    static Facts binary(String op, Facts a, Facts b, FuzzType t) {
        if (t.isIntegral()) {
            try {
                return integer(op, a, b, t);
            } catch (ArithmeticException overflow) {
                return null;
            }
        }
        return floating(op, a, b, t);
    }

    private static Facts integer(String op, Facts a, Facts b, FuzzType t) {
        long lo;
        long hi;
        switch (op) {
            case "+" -> {
                lo = Math.addExact(a.lo(), b.lo());
                hi = Math.addExact(a.hi(), b.hi());
            }
            case "-" -> {
                lo = Math.subtractExact(a.lo(), b.hi());
                hi = Math.subtractExact(a.hi(), b.lo());
            }
            case "*" -> {
                long[] c = {Math.multiplyExact(a.lo(), b.lo()), Math.multiplyExact(a.lo(), b.hi()),
                    Math.multiplyExact(a.hi(), b.lo()), Math.multiplyExact(a.hi(), b.hi())};
                lo = Math.min(Math.min(c[0], c[1]), Math.min(c[2], c[3]));
                hi = Math.max(Math.max(c[0], c[1]), Math.max(c[2], c[3]));
            }
            case "/" -> {
                return divide(a, b, t);
            }
            case "%" -> {
                return remainder(a, b, t);
            }
            case "&", "|", "^" -> {
                return bitwise(op, a, b, t);
            }
            default -> throw new IllegalArgumentException(op);
        }
        return lo < t.min() || hi > t.max() ? null : Facts.integral(t, lo, hi);
    }

    private static Facts divide(Facts a, Facts b, FuzzType t) {
        if (b.mayBeZero() || a.mayBe(t.min()) && b.mayBe(-1)) {
            return null;
        }
        if (b.lo() > 0 || b.hi() < 0) {
            long[] c = {a.lo() / b.lo(), a.lo() / b.hi(), a.hi() / b.lo(), a.hi() / b.hi()};
            return Facts.integral(t, Math.min(Math.min(c[0], c[1]), Math.min(c[2], c[3])),
                    Math.max(Math.max(c[0], c[1]), Math.max(c[2], c[3])));
        }
        long m = a.maxAbs();
        return Facts.integral(t, Math.max(t.min(), -m), Math.min(t.max(), m));
    }

    private static Facts remainder(Facts a, Facts b, FuzzType t) {
        if (b.mayBeZero() || a.mayBe(t.min()) && b.mayBe(-1)) {
            return null;
        }
        long m = b.maxAbs() - 1;
        long lo = a.lo() >= 0 ? 0 : Math.max(a.lo(), -m);
        long hi = a.hi() <= 0 ? 0 : Math.min(a.hi(), m);
        return Facts.integral(t, lo, hi);
    }

    private static Facts bitwise(String op, Facts a, Facts b, FuzzType t) {
        int w = Math.max(Math.max(width(a.lo()), width(a.hi())), Math.max(width(b.lo()), width(b.hi())));
        long top = w >= 63 ? Long.MAX_VALUE : (1L << w) - 1;
        long bottom = w >= 63 ? Long.MIN_VALUE : -(1L << w);
        if (op.equals("&") && (a.lo() >= 0 || b.lo() >= 0)) {
            long m = a.lo() >= 0 && b.lo() >= 0 ? Math.min(a.hi(), b.hi()) : a.lo() >= 0 ? a.hi() : b.hi();
            return Facts.integral(t, 0, m);
        }
        if (a.lo() >= 0 && b.lo() >= 0) {
            return Facts.integral(t, op.equals("|") ? Math.max(a.lo(), b.lo()) : 0, Math.min(top, t.max()));
        }
        return Facts.integral(t, Math.max(bottom, t.min()), Math.min(top, t.max()));
    }

    /** Bits needed besides the sign: v in [-2^w, 2^w - 1]. */
    static int width(long v) {
        return 64 - Long.numberOfLeadingZeros(v < 0 ? ~v : v);
    }

    /** {@code a << s} or {@code a >> s} with {@code a} of promoted type {@code t}. */
    static Facts shift(String op, Facts a, Facts s, FuzzType t) {
        if (s.lo() < 0 || s.hi() >= t.bits()) {
            return null;
        }
        if (op.equals("<<")) {
            if (a.lo() < 0 || a.hi() > (t.max() >> s.hi())) {
                return null;
            }
            return Facts.integral(t, a.lo() << s.lo(), a.hi() << s.hi());
        }
        long lo = a.lo() >> (a.lo() < 0 ? s.lo() : s.hi());
        long hi = a.hi() >> (a.hi() < 0 ? s.hi() : s.lo());
        return Facts.integral(t, lo, hi);
    }

    /** Unary {@code -} or {@code ~} on a promoted operand. */
    static Facts unary(String op, Facts a) {
        FuzzType t = a.type();
        if (t.isFloating()) {
            return op.equals("-") ? Facts.floating(t, -a.fhi(), -a.flo(), a.nan(), a.unsureZero()) : a;
        }
        return switch (op) {
            case "-" -> a.lo() == t.min() ? null : Facts.integral(t, -a.hi(), -a.lo());
            case "~" -> Facts.integral(t, ~a.hi(), ~a.lo());
            default -> a;
        };
    }

    private static Facts floating(String op, Facts a, Facts b, FuzzType t) {
        boolean nan = a.nan() || b.nan();
        double aLo = a.flo();
        double aHi = a.fhi();
        double bLo = b.flo();
        double bHi = b.fhi();
        switch (op) {
            case "+" -> nan |= aHi == Double.POSITIVE_INFINITY && bLo == Double.NEGATIVE_INFINITY
                    || aLo == Double.NEGATIVE_INFINITY && bHi == Double.POSITIVE_INFINITY;
            case "-" -> nan |= aHi == Double.POSITIVE_INFINITY && bHi == Double.POSITIVE_INFINITY
                    || aLo == Double.NEGATIVE_INFINITY && bLo == Double.NEGATIVE_INFINITY;
            case "*" -> nan |= a.mayBeZero() && b.mayBeInfinite() || b.mayBeZero() && a.mayBeInfinite();
            case "/" -> {
                nan |= a.mayBeZero() && b.mayBeZero() || a.mayBeInfinite() && b.mayBeInfinite();
                if (b.mayBeZero()) {
                    return Facts.floating(t, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, nan,
                            a.unsureZero() || b.unsureZero());
                }
            }
            default -> throw new IllegalArgumentException(op);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : new double[] {aLo, aHi}) {
            for (double y : new double[] {bLo, bHi}) {
                double r = apply(op, x, y, t);
                if (!Double.isNaN(r)) {
                    lo = Math.min(lo, r);
                    hi = Math.max(hi, r);
                }
            }
        }
        if (lo > hi) {
            lo = Double.NEGATIVE_INFINITY;
            hi = Double.POSITIVE_INFINITY;
        }
        return Facts.floating(t, lo, hi, nan, a.unsureZero() || b.unsureZero());
    }

    /** One operation with the type's own rounding. */
    static double apply(String op, double x, double y, FuzzType t) {
        if (t == FuzzType.FLOAT) {
            float a = (float) x;
            float b = (float) y;
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                default -> a / b;
            };
        }
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            default -> x / y;
        };
    }

    /** Facts of a comparison, logical operator or predicate: int 0 or 1. */
    static Facts truth() {
        return Facts.integral(FuzzType.INT, 0, 1);
    }
}
