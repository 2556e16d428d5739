package org.jgpuarray.samples.bench;

import java.util.Locale;

/**
 * The verdict on one result compared with the float64 host reference.
 *
 * @param ok        true when every compared value is within its tolerance
 * @param maxError  the largest absolute error found
 * @param tolerance the tolerance at that value
 * @param detail    where the worst error is, e.g. {@code "c[1234] = 5.0, expected 3.0"}
 */
public record Check(boolean ok, double maxError, double tolerance, String detail) {
    /** A check that was not made (no result to compare). */
    public static final Check NOT_CHECKED = new Check(true, 0, 0, "not checked");

    /** {@code OK} or {@code WRONG}, as the summary table shows it. */
    public String verdict() {
        return ok ? "OK" : "WRONG";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (max error %.3g, tolerance %.3g; %s)", verdict(), maxError, tolerance,
                detail);
    }

    /** Builds checks element by element, remembering the worst error relative to its tolerance. */
    static final class Builder {
        private final String name;
        private double worstRatio = -1;
        private double maxError;
        private double tolerance;
        private String detail = "no values";
        private boolean ok = true;

        Builder(String name) {
            this.name = name;
        }

        /** Compares one value; NaN where the reference is finite is always wrong. */
        Builder compare(long index, double got, double expected, double tol) {
            double err = Math.abs(got - expected);
            boolean good = err <= tol;
            double ratio = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / Math.max(tol, Double.MIN_NORMAL);
            if (ratio > worstRatio) {
                worstRatio = ratio;
                maxError = err;
                tolerance = tol;
                detail = String.format(Locale.ROOT, "%s[%d] = %.7g, expected %.7g", name, index, got, expected);
            }
            ok &= good;
            return this;
        }

        Check build() {
            return new Check(ok, maxError, tolerance, detail);
        }
    }
}
