package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes generated expressions safe where C would leave them undefined, in forms that are themselves
 * ordinary snippet code: remainders, masks, shifts and clamps narrow integers; {@code fmin}/{@code fmax}
 * and comparisons clamp floating values and remove NaN; {@code x + 0.0f} gives a zero of unsure sign a
 * definite sign.
 */
final class Fit {
    private final Gen g;
    private final Lits lits;

    Fit(Gen g, Lits lits) {
        this.g = g;
        this.lits = lits;
    }

    /** An explicit conversion of {@code x} to {@code t}, first clamping a floating value the conversion could not hold. */
    Term cast(Term x, FuzzType t) {
        if (x.type() == t) {
            return x;
        }
        x = convertible(x, t);
        String name = switch (t) {
            case INT -> g.pick("int", "int", "int32_t");
            case LONG -> g.pick("long", "long", "int64_t");
            default -> t.cName();
        };
        return new Term("(" + name + ") " + unaryOperand(x), Term.UNARY, t, x.facts().convert(t), x.pure());
    }

    /** The operand of a prefix operator, parenthesized where C would read the text differently. */
    static String unaryOperand(Term x) {
        String text = x.at(Term.UNARY);
        return text.startsWith("-") || text.startsWith("+") ? "(" + text + ")" : text;
    }

    /** {@code x}, clamped first when a conversion to {@code t} would be undefined for some of its values. */
    Term convertible(Term x, FuzzType t) {
        if (x.facts().convert(t) != null) {
            return x;
        }
        double b = t == FuzzType.INT ? g.pick(100.0, 3e4, 2e9) : g.pick(100.0, 1e9, 4e18);
        return bound(x, b);
    }

    /**
     * {@code x} as the value of an assignment, initializer, return or argument to a variable with
     * invariant {@code inv}; C converts it implicitly to {@code inv.type()}, but the text is cast
     * explicitly now and then.
     */
    Term into(Term x, Facts inv) {
        FuzzType t = inv.type();
        if (x.type() != t) {
            x = convertible(x, t);
            Facts converted = x.facts().convert(t);
            boolean narrowLater = t.isIntegral() ? !converted.within(inv) : !converted.within(inv.withUnsureZero(true));
            x = narrowLater || g.chance(0.4) ? cast(x, t)
                    : new Term(x.text(), Math.min(x.prec(), Term.COND), t, converted, x.pure());
        }
        if (t.isFloating()) {
            if (!x.facts().within(inv.withUnsureZero(true))) {
                x = bound(x, Math.min(-inv.flo(), inv.fhi()));
            }
            return sanitize(x);
        }
        return x.facts().within(inv) ? x : range(x, inv.lo(), inv.hi());
    }

    /** {@code x} with no zero of unsure sign: {@code x + 0.0f} turns -0.0 into +0.0 and changes nothing else. */
    Term sanitize(Term x) {
        if (!x.type().isFloating() || !x.facts().unsureZero()) {
            return x;
        }
        Term zero = lits.floating(x.type(), 0.0);
        return Term.binary(x, "+", zero, x.type(), x.facts().withUnsureZero(false));
    }

    /** A floating {@code x} clamped to [-b, b], never NaN. */
    Term bound(Term x, double b) {
        FuzzType t = x.type();
        if (!t.isFloating()) {
            throw new IllegalArgumentException(x.text());
        }
        Term hi = lits.floating(t, t == FuzzType.FLOAT ? (float) b : b);
        Term lo = lits.floating(t, t == FuzzType.FLOAT ? -(float) b : -b);
        double fb = t == FuzzType.FLOAT ? (float) b : b;
        Facts f = Facts.floating(t, -fb, fb, false, x.facts().unsureZero());
        String suffix = t == FuzzType.FLOAT ? "f" : "";
        int form = x.pure() && x.text().length() < 80 ? g.pick(5) : g.pick(2);
        String text = switch (form) {
            case 0 -> "fmin" + suffix + "(fmax" + suffix + "(" + x.text() + ", " + lo.text() + "), " + hi.text() + ")";
            case 1 -> "fmax" + suffix + "(" + lo.text() + ", fmin" + suffix + "(" + hi.text() + ", " + x.text() + "))";
            case 2 -> "min(max(" + x.text() + ", " + lo.text() + "), " + hi.text() + ")";
            case 3 -> x.at(Term.EQ) + " != " + x.at(Term.REL) + " ? " + lits.floating(t, 0.0).text() + " : "
                    + x.at(Term.REL) + " < " + lo.at(Term.SHIFT) + " ? " + lo.at(Term.LOR) + " : "
                    + x.at(Term.REL) + " > " + hi.at(Term.SHIFT) + " ? " + hi.at(Term.LOR) + " : " + x.at(Term.COND);
            default -> (t == FuzzType.FLOAT ? "fabsf(" : "fabs(") + x.text() + ") <= " + hi.at(Term.SHIFT) + " ? "
                    + x.at(Term.LOR) + " : " + lits.floating(t, 0.0).at(Term.COND);
        };
        int prec = form >= 3 ? Term.COND : Term.PRIMARY;
        return new Term(text, prec, t, f, x.pure());
    }

    /** An integral {@code x} (int or long) narrowed to [lo, hi] (lo &lt;= 0 &lt;= hi), keeping its type. */
    Term range(Term x, long lo, long hi) {
        FuzzType t = x.type();
        if (t == FuzzType.BOOL) {
            return hi >= 1 ? x : range(cast(x, FuzzType.INT), lo, hi);
        }
        if (x.facts().lo() >= lo && x.facts().hi() <= hi && g.chance(0.7)) {
            return x;
        }
        List<Term> options = new ArrayList<>();
        long k = Math.min(-lo, hi);
        if (k >= 1 && k < t.max()) {
            k++;
            Term divisor = lits.integral(t, k);
            options.add(Term.binary(x, "%", divisor, t, FactsMath.binary("%", x.facts(), divisor.facts(), t)));
        }
        if (hi >= 1 && lo <= 0) {
            long mask = Long.highestOneBit(hi) * 2 - 1;
            mask = mask > hi ? mask >>> 1 : mask;
            Term m = lits.integral(t, mask);
            options.add(Term.binary(x, "&", m, t, FactsMath.binary("&", x.facts(), m.facts(), t)));
        }
        for (int s = 1; s < t.bits(); s++) {
            Facts shifted = FactsMath.shift(">>", x.facts(), Facts.constant(FuzzType.INT, s), t);
            if (shifted.lo() >= lo && shifted.hi() <= hi) {
                options.add(Term.binary(x, ">>", lits.integral(FuzzType.INT, s), t, shifted));
                break;
            }
        }
        if (x.pure() && x.text().length() < 80) {
            Term l = lits.integral(t, lo);
            Term h = lits.integral(t, hi);
            Facts f = Facts.integral(t, Math.max(lo, Math.min(hi, x.facts().lo())), Math.min(hi, Math.max(lo, x.facts().hi())));
            options.add(new Term(x.at(Term.REL) + " < " + l.at(Term.SHIFT) + " ? " + l.at(Term.LOR) + " : "
                    + x.at(Term.REL) + " > " + h.at(Term.SHIFT) + " ? " + h.at(Term.LOR) + " : " + x.at(Term.COND),
                    Term.COND, t, f, true));
            options.add(new Term("min(max(" + x.text() + ", " + l.text() + "), " + h.text() + ")", Term.PRIMARY, t, f,
                    true));
        }
        List<Term> valid = new ArrayList<>();
        for (Term o : options) {
            if (o.facts().lo() >= lo && o.facts().hi() <= hi) {
                valid.add(o);
            }
        }
        if (valid.isEmpty()) {
            Term zero = lits.integral(t, 0);
            return Term.binary(x, "&", zero, t, Facts.constant(t, 0L));
        }
        return g.pick(valid);
    }

    /** An integral divisor that is never 0. */
    Term nonZero(Term d) {
        if (!d.facts().mayBeZero()) {
            return d;
        }
        FuzzType t = d.type().promoted();
        if (d.type() == FuzzType.BOOL) {
            d = cast(d, FuzzType.INT);
        }
        Term one = lits.integral(t, 1);
        switch (d.pure() ? g.pick(3) : g.pick(2)) {
            case 0 -> {
                return Term.binary(d, "|", one, t, FactsMath.binary("|", d.facts(), one.facts(), t).withNonZero());
            }
            case 1 -> {
                Term m = lits.integral(t, 15);
                Term masked = Term.binary(d, "&", m, t, FactsMath.binary("&", d.facts(), m.facts(), t));
                return Term.binary(masked, "+", one, t, FactsMath.binary("+", masked.facts(), one.facts(), t));
            }
            default -> {
                Term zero = lits.integral(t, 0);
                return new Term(d.at(Term.EQ) + " == " + zero.text() + " ? " + one.text() + " : " + d.at(Term.COND),
                        Term.COND, t, d.facts().join(one.facts()).withNonZero(), true);
            }
        }
    }
}
