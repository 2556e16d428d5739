package org.jgpuarray.fuzz;

/**
 * The tolerance policy. Integers and bools: equal. Floating results of exact operations: the same bits,
 * except that any NaN equals any NaN (payload and sign of NaN are not portable) and, where C leaves the
 * sign of a zero open, -0.0 equals +0.0. Approximate functions: within the function's OpenCL error bound
 * plus two ulp (Java's own error and a final rounding), an infinity counting as the largest finite value
 * plus one ulp.
 */
final class Compare {
    private Compare() {
    }

    /** Null when element {@code k} agrees, else a description of both values. */
    static String element(FuzzCase.Check check, FuzzType type, Object reference, Object other, int k) {
        return switch (type) {
            case BOOL -> ((boolean[]) reference)[k] == ((boolean[]) other)[k] ? null
                    : ((boolean[]) reference)[k] + " vs " + ((boolean[]) other)[k];
            case INT -> ((int[]) reference)[k] == ((int[]) other)[k] ? null
                    : ((int[]) reference)[k] + " vs " + ((int[]) other)[k];
            case LONG -> ((long[]) reference)[k] == ((long[]) other)[k] ? null
                    : ((long[]) reference)[k] + " vs " + ((long[]) other)[k];
            case FLOAT -> floating(check, ((float[]) reference)[k], ((float[]) other)[k], true);
            case DOUBLE -> floating(check, ((double[]) reference)[k], ((double[]) other)[k], false);
        };
    }

    /** Null when {@code a} (CPU) and {@code b} agree under {@code check}. */
    static String floating(FuzzCase.Check check, double a, double b, boolean single) {
        if (agree(check, a, b)) {
            return null;
        }
        return show(a, single) + " vs " + show(b, single) + (check.exact() ? ""
                : " (more than " + check.ulp() + " ulp apart)");
    }

    static boolean agree(FuzzCase.Check check, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b)) {
            return true;
        }
        if (a == 0 && b == 0) {
            return check.zeroSignFree();
        }
        if (check.exact()) {
            return false;
        }
        if (Double.isInfinite(a) && Double.isInfinite(b)) {
            return false;
        }
        boolean single = check.ulpType() == FuzzType.FLOAT;
        // an infinity counts as the largest finite value plus one ulp (for double: the largest finite value)
        double beyond = single ? 0x1p128 : Double.MAX_VALUE;
        double x = Double.isInfinite(a) ? Math.copySign(beyond, a) : a;
        double y = Double.isInfinite(b) ? Math.copySign(beyond, b) : b;
        double m = Math.max(Math.abs(x), Math.abs(y));
        double ulp = single ? Math.ulp((float) Math.min(m, Float.MAX_VALUE)) : Math.ulp(m);
        double diff = Math.abs(x - y);
        if (Double.isInfinite(diff)) {
            diff = Math.abs(x / 2 - y / 2) * 2;
        }
        return diff <= check.ulp() * ulp;
    }

    static String show(double v, boolean single) {
        if (single) {
            return Float.toString((float) v) + " [0x" + Integer.toHexString(Float.floatToRawIntBits((float) v)) + "]";
        }
        return Double.toString(v) + " [0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + "]";
    }
}
