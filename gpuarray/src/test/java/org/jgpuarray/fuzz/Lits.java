package org.jgpuarray.fuzz;

/** C literals and named constants of every type, spelled in the ways the snippet language allows. */
final class Lits {
    private final Gen g;

    Lits(Gen g) {
        this.g = g;
    }

    /** An integral literal of {@code t} with value {@code v}. */
    Term integral(FuzzType t, long v) {
        Facts f = Facts.constant(t, v);
        if (t == FuzzType.BOOL) {
            return new Term(v != 0 ? "true" : "false", Term.PRIMARY, t, f, true);
        }
        if (v == t.min()) {
            String text = g.chance(0.5) ? (t == FuzzType.INT ? "INT_MIN" : "LLONG_MIN")
                    : t == FuzzType.INT ? "(-2147483647 - 1)" : "(-9223372036854775807L - 1)";
            return new Term(text, Term.PRIMARY, t, f, true);
        }
        if (v == t.max() && g.chance(0.5)) {
            return new Term(t == FuzzType.INT ? "INT_MAX" : "LLONG_MAX", Term.PRIMARY, t, f, true);
        }
        long m = Math.abs(v);
        String digits;
        boolean needsSuffix = t == FuzzType.LONG && m <= Integer.MAX_VALUE;
        switch (g.pick(6)) {
            case 0 -> digits = "0x" + (g.chance(0.5) ? Long.toHexString(m) : Long.toHexString(m).toUpperCase());
            case 1 -> digits = m == 0 ? "0" : "0" + Long.toOctalString(m);
            default -> digits = Long.toString(m);
        }
        if (!digits.startsWith("0") || digits.equals("0")) {
            // decimal: a long literal too large for int needs no suffix
        } else if (t == FuzzType.LONG) {
            needsSuffix = true;
        }
        String suffix = needsSuffix || t == FuzzType.LONG && g.chance(0.5) ? g.pick("L", "l", "L") : "";
        if (t == FuzzType.INT && m > Integer.MAX_VALUE) {
            throw new IllegalStateException("int literal " + v);
        }
        String text = digits + suffix;
        return v < 0 ? new Term("-" + text, Term.UNARY, t, f, true) : new Term(text, Term.PRIMARY, t, f, true);
    }

    /** A floating literal of {@code t} with value {@code v} (NaN and infinities by name). */
    Term floating(FuzzType t, double v) {
        Facts f = Facts.constant(t, v);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            String base = Double.isNaN(v) ? "NAN" : "INFINITY";
            String text = t == FuzzType.FLOAT ? base : "(double) " + base;
            if (v < 0) {
                return new Term("-" + text, Term.UNARY, t, f, true);
            }
            return new Term(text, t == FuzzType.FLOAT ? Term.PRIMARY : Term.UNARY, t, f, true);
        }
        String named = named(t, Math.abs(v));
        double m = Math.abs(v);
        String text;
        if (named != null && g.chance(0.6)) {
            text = named;
        } else if (t == FuzzType.FLOAT) {
            text = spell(Float.toString((float) m)) + g.pick("f", "F", "f");
        } else {
            text = spell(Double.toString(m));
        }
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        return negative ? new Term("-" + text, Term.UNARY, t, f, true) : new Term(text, Term.PRIMARY, t, f, true);
    }

    /** Java's spelling of a number as a C literal: {@code 1.0E10} is fine; sometimes drop a zero. */
    private String spell(String java) {
        String s = java.replace("E", g.chance(0.5) ? "e" : "E");
        if (s.endsWith(".0") && g.chance(0.3)) {
            return s.substring(0, s.length() - 1);
        }
        if (s.startsWith("0.") && s.length() > 2 && g.chance(0.3)) {
            return s.substring(1);
        }
        return s;
    }

    private static String named(FuzzType t, double m) {
        if (t == FuzzType.FLOAT) {
            if (m == Float.MAX_VALUE) {
                return "FLT_MAX";
            } else if (m == Float.MIN_NORMAL) {
                return "FLT_MIN";
            } else if (m == Math.ulp(1.0f)) {
                return "FLT_EPSILON";
            } else if (m == (float) Math.PI) {
                return "M_PI_F";
            }
            return null;
        }
        if (m == Double.MAX_VALUE) {
            return "DBL_MAX";
        } else if (m == Double.MIN_NORMAL) {
            return "DBL_MIN";
        } else if (m == Math.ulp(1.0)) {
            return "DBL_EPSILON";
        } else if (m == Math.PI) {
            return "M_PI";
        } else if (m == Math.E) {
            return "M_E";
        }
        return null;
    }

    /** A random literal of {@code t}: small and awkward values. */
    Term random(FuzzType t) {
        if (t.isIntegral()) {
            return integral(t, interesting(t));
        }
        double[] pool = t == FuzzType.FLOAT
                ? new double[] {0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.1f, 3, 7, 100, 1e-3f, 1e10f, 1e30f, 1e-40f,
                    Float.MAX_VALUE, Float.MIN_NORMAL, Math.ulp(1.0f), (float) Math.PI, 16777216, 16777217,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}
                : new double[] {0, -0.0, 1, -1, 0.5, 1.5, -2.5, 0.1, 3, 7, 1e-3, 1e10, 1e300, 1e-310, 4.9e-324,
                    Double.MAX_VALUE, Double.MIN_NORMAL, Math.ulp(1.0), Math.PI, Math.E, 9007199254740993.0,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double v = pool[g.pick(pool.length)];
        if (g.chance(0.3)) {
            v = Math.round(g.r.nextGaussian() * 100) / 4.0;
        }
        return floating(t, t == FuzzType.FLOAT ? (float) v : v);
    }

    /** An awkward or small integral value of {@code t}. */
    long interesting(FuzzType t) {
        if (t == FuzzType.BOOL) {
            return g.pick(2);
        }
        return switch (g.pick(8)) {
            case 0 -> g.pick(t.min(), t.max(), 0L, -1L, 1L, t.min() + 1, t.max() - 1);
            case 1 -> g.pick(-1L, 1L) * (1L << g.pick(t.bits() - 1));
            case 2 -> t == FuzzType.INT ? g.r.nextInt() : g.r.nextLong();
            default -> g.pick(41) - 20;
        };
    }
}
