package org.jgpuarray.samples.bench;

import java.util.Locale;

/** Number formatting shared by the bench reports: three significant digits, NaN as {@code n/a}. */
final class Format {
    private Format() {
    }

    /** {@code 12.3}, {@code 0.0456}, {@code 1234}; {@code n/a} for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A value for CSV: plain decimal, empty for NaN. */
    static String csv(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
