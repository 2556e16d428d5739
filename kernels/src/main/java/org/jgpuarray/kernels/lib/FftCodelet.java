package org.jgpuarray.kernels.lib;

import org.jgpuarray.kernels.ScalarType;

/**
 * Straight-line C code of a small DFT on the variables {@code v0 .. v<R-1>} (complex, component-wise),
 * in place: multiplications by 1, -1, i and -i are written as additions and swaps; the other constants
 * are exact literals of {@code exp(-+2 pi i e / R)}.
 */
final class FftCodelet {
    private FftCodelet() {
    }

    /**
     * The codelet of radix R.
     *
     * @param inverse the sign: false for {@code exp(-2 pi i jk / R)}, true for {@code +}
     * @param pad     indentation of every line
     */
    static String dft(int radix, boolean inverse, ScalarType type, String pad) {
        String t = LibPrelude.real(type);
        String make = LibPrelude.makeComplex(type);
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < radix; k++) {
            StringBuilder re = new StringBuilder();
            StringBuilder im = new StringBuilder();
            for (int r = 0; r < radix; r++) {
                term(re, im, "v" + r, (r * k) % radix, radix, inverse, type);
            }
            out.append(pad).append("const ").append(t).append(" y").append(k).append("x = ").append(trim(re))
                    .append(";\n").append(pad).append("const ").append(t).append(" y").append(k).append("y = ")
                    .append(trim(im)).append(";\n");
        }
        for (int k = 0; k < radix; k++) {
            out.append(pad).append('v').append(k).append(" = ").append(make).append("(y").append(k).append("x, y")
                    .append(k).append("y);\n");
        }
        return out.substring(0, out.length() - 1);
    }

    /** Appends {@code v * exp(sign 2 pi i e / R)} to the real and imaginary sums. */
    private static void term(StringBuilder re, StringBuilder im, String v, int e, int radix, boolean inverse,
                             ScalarType type) {
        String x = v + ".x";
        String y = v + ".y";
        if (e == 0) {
            re.append(" + ").append(x);
            im.append(" + ").append(y);
        } else if (2 * e == radix) {
            re.append(" - ").append(x);
            im.append(" - ").append(y);
        } else if (4 * e == radix || 4 * e == 3 * radix) {
            // multiplication by i (quarter turn in the positive direction) or -i
            boolean timesI = (4 * e == radix) == inverse;
            re.append(timesI ? " - " : " + ").append(y);
            im.append(timesI ? " + " : " - ").append(x);
        } else {
            double angle = (inverse ? 2 : -2) * Math.PI * e / radix;
            String c = LibPrelude.literal(type, Math.cos(angle));
            String s = LibPrelude.literal(type, Math.sin(angle));
            re.append(" + (").append(x).append(" * ").append(c).append(" - ").append(y).append(" * ").append(s)
                    .append(')');
            im.append(" + (").append(x).append(" * ").append(s).append(" + ").append(y).append(" * ").append(c)
                    .append(')');
        }
    }

    private static String trim(StringBuilder sum) {
        String s = sum.toString().trim();
        return s.startsWith("+ ") ? s.substring(2) : "-" + s.substring(2);
    }
}
