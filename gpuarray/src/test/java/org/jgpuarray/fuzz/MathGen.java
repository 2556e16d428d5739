package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls of the snippet language's math library. Functions that are exact on every backend (IEEE
 * operations or exact by definition: fabs, floor, ceil, trunc, round, rint, sqrt, fmin, fmax, fdim, fmod,
 * copysign, fma, min, max, abs, the classifications) appear anywhere; the approximate ones (exp, sin,
 * pow, ...) only as the whole value stored to an output, which is then compared within the function's
 * error bound (see {@link Approx}).
 */
final class MathGen {
    /** An approximate function: C name, arity, and OpenCL's error bound in ulp (1.2 full profile). */
    record Fn(String name, int arity, int ulp) {
    }

    /** A value computed by an approximate function, within {@code ulp} ulp (in {@code type}) of the exact one. */
    record Approx(Term term, int ulp) {
    }

    static final List<Fn> APPROXIMATE = List.of(new Fn("exp", 1, 3), new Fn("exp2", 1, 3), new Fn("expm1", 1, 3),
            new Fn("log", 1, 3), new Fn("log2", 1, 3), new Fn("log10", 1, 3), new Fn("log1p", 1, 2),
            new Fn("rsqrt", 1, 2), new Fn("cbrt", 1, 2), new Fn("sin", 1, 4), new Fn("cos", 1, 4), new Fn("tan", 1, 5),
            new Fn("asin", 1, 4), new Fn("acos", 1, 4), new Fn("atan", 1, 5), new Fn("sinh", 1, 4),
            new Fn("cosh", 1, 4), new Fn("tanh", 1, 5), new Fn("pow", 2, 16), new Fn("atan2", 2, 6),
            new Fn("hypot", 2, 4));

    private final ExprGen e;
    private final Gen g;

    MathGen(ExprGen e) {
        this.e = e;
        this.g = e.g;
    }

    /** An exact math call of type {@code t}. */
    Term exact(FuzzType t, Scope s, int d) {
        if (t == FuzzType.BOOL) {
            return null;
        }
        if (t.isIntegral()) {
            return integral(t, s, d);
        }
        String name = g.pick("fabs", "floor", "ceil", "trunc", "round", "rint", "sqrt", "fmin", "fmax", "copysign",
                "fdim", "fmod", "fma", "min", "max", "abs", "fmin", "fmax");
        int arity = switch (name) {
            case "fma" -> 3;
            case "fmin", "fmax", "copysign", "fdim", "fmod", "min", "max" -> 2;
            default -> 1;
        };
        boolean mixed = name.equals("min") || name.equals("max") || name.equals("abs");
        boolean suffixed = !mixed && t == FuzzType.FLOAT && g.chance(0.4);
        List<Term> args = arguments(t, arity, s, d, suffixed, mixed);
        if (name.equals("copysign")) {
            args.set(1, definite(args.get(1)));
        }
        List<Facts> fs = new ArrayList<>();
        for (Term a : args) {
            fs.add(a.facts().convert(t));
        }
        Facts f = facts(name, fs, t);
        return call(name + (suffixed ? "f" : ""), args, t, f);
    }

    /** Arguments whose types make a call of type {@code t}: generic overloads need one argument of type t and none wider. */
    private List<Term> arguments(FuzzType t, int arity, Scope s, int d, boolean suffixed, boolean mixed) {
        List<Term> args = new ArrayList<>();
        int main = g.pick(arity);
        for (int k = 0; k < arity; k++) {
            FuzzType at;
            if (suffixed) {
                at = g.chance(0.6) ? FuzzType.FLOAT : g.pick(FuzzType.values());
            } else if (k == main) {
                at = t;
            } else if (mixed) {
                at = g.pick(e.operands(t));
            } else {
                // float and double together are ambiguous in OpenCL C and CUDA (the CPU refuses them too)
                at = g.chance(0.6) ? t : g.pick(FuzzType.INT, FuzzType.LONG, FuzzType.BOOL, t);
            }
            Term a = e.pure(at, s, d);
            if (suffixed && a.type() != FuzzType.FLOAT) {
                a = e.fit.convertible(a, FuzzType.FLOAT);
            }
            args.add(a);
        }
        return args;
    }

    /** A floating term that is neither NaN nor a zero of unsure sign (its sign is read). */
    private Term definite(Term x) {
        if (!x.type().isFloating()) {
            return x;
        }
        if (x.facts().nan()) {
            x = e.fit.bound(x, g.pick(1.0, 1e6, 1e30));
        }
        return e.fit.sanitize(x);
    }

    private static Term call(String name, List<Term> args, FuzzType t, Facts f) {
        List<String> texts = new ArrayList<>();
        for (Term a : args) {
            texts.add(a.text());
        }
        return new Term(name + "(" + String.join(", ", texts) + ")", Term.POSTFIX, t, f, true);
    }

    /** Facts of an exact function of arguments already converted to {@code t}. */
    static Facts facts(String name, List<Facts> a, FuzzType t) {
        Facts x = a.get(0);
        switch (name) {
            case "fabs", "abs" -> {
                double lo = x.flo() >= 0 ? x.flo() : x.fhi() <= 0 ? -x.fhi() : 0;
                return Facts.floating(t, lo, x.fMaxAbs(), x.nan(), false);
            }
            case "floor", "ceil", "trunc", "round", "rint" -> {
                return Facts.floating(t, Math.floor(x.flo()), Math.ceil(x.fhi()), x.nan(), x.unsureZero());
            }
            case "sqrt" -> {
                double hi = t == FuzzType.FLOAT ? (float) Math.sqrt(x.fhi()) : Math.sqrt(x.fhi());
                double lo = x.flo() > 0 ? (t == FuzzType.FLOAT ? (float) Math.sqrt(x.flo()) : Math.sqrt(x.flo())) : 0;
                return Facts.floating(t, lo, Math.max(lo, hi), x.nan() || x.flo() < 0, x.unsureZero());
            }
            case "fmin", "fmax", "min", "max" -> {
                Facts y = a.get(1);
                boolean min = name.endsWith("min");
                double lo = min ? Math.min(x.flo(), y.flo()) : Math.max(x.flo(), y.flo());
                double hi = min ? Math.min(x.fhi(), y.fhi()) : Math.max(x.fhi(), y.fhi());
                if (x.nan() || y.nan()) {
                    lo = Math.min(x.flo(), y.flo());
                    hi = Math.max(x.fhi(), y.fhi());
                }
                boolean unsure = x.unsureZero() || y.unsureZero() || x.mayBeZero() && y.mayBeZero();
                return Facts.floating(t, lo, hi, x.nan() && y.nan(), unsure);
            }
            case "copysign" -> {
                return Facts.floating(t, -x.fMaxAbs(), x.fMaxAbs(), x.nan(), false);
            }
            case "fdim" -> {
                Facts y = a.get(1);
                double hi = Math.max(0, FactsMath.apply("-", x.fhi(), y.flo(), t));
                return Facts.floating(t, 0, Double.isNaN(hi) ? Double.POSITIVE_INFINITY : hi, x.nan() || y.nan(), false);
            }
            case "fmod" -> {
                Facts y = a.get(1);
                double m = Math.min(x.fMaxAbs(), y.fMaxAbs());
                boolean nan = x.nan() || y.nan() || x.mayBeInfinite() || y.mayBeZero();
                return Facts.floating(t, x.flo() >= 0 ? 0 : -m, x.fhi() <= 0 ? 0 : m, nan, x.unsureZero());
            }
            case "fma" -> {
                Facts p = FactsMath.binary("*", x, a.get(1), t);
                Facts sum = FactsMath.binary("+", p, a.get(2), t);
                double lo = sum.flo();
                double hi = sum.fhi();
                for (int k = 0; k < 2; k++) {
                    lo = t == FuzzType.FLOAT ? Math.nextDown((float) lo) : Math.nextDown(lo);
                    hi = t == FuzzType.FLOAT ? Math.nextUp((float) hi) : Math.nextUp(hi);
                }
                return Facts.floating(t, lo, hi, sum.nan(), sum.unsureZero());
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** {@code abs}, {@code min}, {@code max}, {@code labs}, {@code llabs} of integers. */
    private Term integral(FuzzType t, Scope s, int d) {
        String name = t == FuzzType.LONG ? g.pick("abs", "min", "max", "labs", "llabs") : g.pick("abs", "min", "max");
        if (name.equals("min") || name.equals("max")) {
            FuzzType[] ts = e.operands(t);
            Term a = e.pure(ts[0], s, d);
            Term b = e.pure(ts[1], s, d);
            Facts x = a.facts().convert(t);
            Facts y = b.facts().convert(t);
            Facts f = name.equals("min") ? Facts.integral(t, Math.min(x.lo(), y.lo()), Math.min(x.hi(), y.hi()))
                    : Facts.integral(t, Math.max(x.lo(), y.lo()), Math.max(x.hi(), y.hi()));
            return call(name, List.of(a, b), t, f);
        }
        FuzzType at = name.equals("abs") ? t : g.pick(FuzzType.INT, FuzzType.LONG, FuzzType.LONG);
        Term a = e.narrowIntegral(e.pure(at, s, d), at.max());
        Facts x = a.facts().convert(t);
        if (x.lo() == t.min() || x.lo() == at.min()) {
            return null;
        }
        long lo = x.lo() >= 0 ? x.lo() : x.hi() <= 0 ? -x.hi() : 0;
        return call(name, List.of(a), t, Facts.integral(t, lo, x.maxAbs()));
    }

    /** {@code isnan}, {@code isinf}, {@code isfinite} or {@code signbit} of a floating value: int 0 or 1. */
    Term predicate(Scope s, int d) {
        String name = g.pick("isnan", "isinf", "isfinite", "signbit");
        Term x = e.pure(g.pick(FuzzType.FLOAT, FuzzType.DOUBLE), s, d);
        if (name.equals("signbit")) {
            x = definite(x);
        }
        return call(name, List.of(x), FuzzType.INT, FactsMath.truth());
    }

    /** An approximate function of type {@code t} (float or double) of exact, definite arguments. */
    Approx approximate(FuzzType t, Scope s, int d) {
        Fn fn = g.pick(APPROXIMATE);
        boolean suffixed = t == FuzzType.FLOAT && g.chance(0.5);
        List<Term> args = arguments(t, fn.arity(), s, d, suffixed, false);
        args.replaceAll(this::definite);
        return new Approx(call(fn.name() + (suffixed ? "f" : ""), args, t, Facts.any(t)), fn.ulp());
    }
}
