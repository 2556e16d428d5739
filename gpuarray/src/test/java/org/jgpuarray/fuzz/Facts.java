package org.jgpuarray.fuzz;

/**
 * What the generator knows about every value an expression can take on every element and every
 * backend: an interval, and for floating values whether NaN can occur and whether a zero's sign is
 * unsure (C leaves the sign of {@code fmin(-0.0, +0.0)} open, and backends differ). Intervals of
 * floating values may have infinite ends; their ends are values of the type itself, so that rounding,
 * which is monotonic, keeps them sound.
 *
 * @param lo         smallest integral value (integral types)
 * @param hi         largest integral value (integral types)
 * @param nonZero    true when an integral value is never 0 although the interval holds 0 (e.g. {@code x | 1})
 * @param flo        smallest floating value (floating types)
 * @param fhi        largest floating value (floating types)
 * @param nan        a floating value may be NaN
 * @param unsureZero a floating value may be a zero whose sign differs between backends
 */
record Facts(FuzzType type, long lo, long hi, boolean nonZero, double flo, double fhi, boolean nan,
             boolean unsureZero) {

    static Facts integral(FuzzType type, long lo, long hi) {
        if (!type.isIntegral() || lo > hi || lo < type.min() || hi > type.max()) {
            throw new IllegalArgumentException(type + " [" + lo + ", " + hi + "]");
        }
        return new Facts(type, lo, hi, false, 0, 0, false, false);
    }

    static Facts floating(FuzzType type, double lo, double hi, boolean nan, boolean unsureZero) {
        if (!type.isFloating()) {
            throw new IllegalArgumentException(type.toString());
        }
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            lo = Double.NEGATIVE_INFINITY;
            hi = Double.POSITIVE_INFINITY;
            nan = true;
        }
        return new Facts(type, 0, 0, false, round(type, lo, false), round(type, hi, true), nan, unsureZero);
    }

    /** Every value of {@code type}, NaN included. */
    static Facts any(FuzzType type) {
        return type.isIntegral() ? integral(type, type.min(), type.max())
                : floating(type, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, false);
    }

    /** A single known value. */
    static Facts constant(FuzzType type, double value) {
        return type.isIntegral() ? integral(type, (long) value, (long) value)
                : floating(type, value, value, Double.isNaN(value), false);
    }

    static Facts constant(FuzzType type, long value) {
        return integral(type, value, value);
    }

    /** Rounds a bound outward to a value of a float type. */
    private static double round(FuzzType type, double v, boolean up) {
        if (type != FuzzType.FLOAT || Double.isInfinite(v)) {
            return v;
        }
        float f = (float) v;
        if (up && f < v) {
            f = Math.nextUp(f);
        } else if (!up && f > v) {
            f = Math.nextDown(f);
        }
        return f;
    }

    Facts withNonZero() {
        return new Facts(type, lo, hi, true, flo, fhi, nan, unsureZero);
    }

    Facts withUnsureZero(boolean unsure) {
        return new Facts(type, lo, hi, nonZero, flo, fhi, nan, unsure);
    }

    /** True when the value may be 0 (or ±0.0). */
    boolean mayBeZero() {
        return type.isIntegral() ? lo <= 0 && hi >= 0 && !nonZero : flo <= 0 && fhi >= 0;
    }

    boolean mayBe(long v) {
        return lo <= v && v <= hi && !(v == 0 && nonZero);
    }

    boolean mayBeInfinite() {
        return Double.isInfinite(flo) || Double.isInfinite(fhi);
    }

    /** Largest magnitude of an integral value, saturated at Long.MAX_VALUE. */
    long maxAbs() {
        long a = lo == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(lo);
        long b = hi == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(hi);
        return Math.max(a, b);
    }

    double fMaxAbs() {
        return Math.max(Math.abs(flo), Math.abs(fhi));
    }

    /** True when every value these facts allow is allowed by {@code bound} (same type). */
    boolean within(Facts bound) {
        if (type != bound.type) {
            return false;
        }
        if (type.isIntegral()) {
            return lo >= bound.lo && hi <= bound.hi && (!bound.nonZero || nonZero || !mayBeZero());
        }
        return flo >= bound.flo && fhi <= bound.fhi && (!nan || bound.nan) && (!unsureZero || bound.unsureZero);
    }

    /** The facts of a value that satisfies either. */
    Facts join(Facts o) {
        if (type.isIntegral()) {
            Facts f = integral(type, Math.min(lo, o.lo), Math.max(hi, o.hi));
            return (nonZero || !mayBeZero()) && (o.nonZero || !o.mayBeZero()) ? f.withNonZero() : f;
        }
        return floating(type, Math.min(flo, o.flo), Math.max(fhi, o.fhi), nan || o.nan, unsureZero || o.unsureZero);
    }

    /**
     * The facts after C's conversion to {@code to}, or null when the conversion is undefined for some
     * value (a floating value that is NaN or out of the integer type's range).
     */
    Facts convert(FuzzType to) {
        if (to == type) {
            return this;
        }
        if (to == FuzzType.BOOL) {
            boolean zeroOnly = type.isIntegral() ? lo == 0 && hi == 0 : flo == 0 && fhi == 0 && !nan;
            return integral(FuzzType.BOOL, mayBeZero() ? 0 : 1, zeroOnly ? 0 : 1);
        }
        if (type.isIntegral()) {
            if (to.isIntegral()) {
                return lo >= to.min() && hi <= to.max() ? new Facts(to, lo, hi, nonZero, 0, 0, false, false)
                        : integral(to, to.min(), to.max());
            }
            return floating(to, lo, hi, false, false);
        }
        if (to.isFloating()) {
            return floating(to, flo, fhi, nan, unsureZero);
        }
        double limit = to == FuzzType.INT ? 0x1p31 : 0x1p63;
        if (nan || flo < -limit || fhi >= limit) {
            return null;
        }
        return integral(to, (long) flo, (long) fhi);
    }

    @Override
    public String toString() {
        if (type.isIntegral()) {
            return type.cName() + "[" + lo + ", " + hi + (nonZero ? ", nonzero" : "") + "]";
        }
        return type.cName() + "[" + flo + ", " + fhi + (nan ? ", NaN" : "") + (unsureZero ? ", ±0?" : "") + "]";
    }
}
