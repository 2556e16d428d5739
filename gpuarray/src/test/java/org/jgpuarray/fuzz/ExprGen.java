package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates well-typed expressions whose every evaluation is defined in C and equal on every backend
 * (see {@link Facts}): operands that could overflow, divide by zero or shift out of range are narrowed
 * first by {@link Fit}. Side effects appear only as assignments to scratch variables that the same
 * statement does not otherwise touch.
 */
final class ExprGen {
    private static final String[] CMP = {"<", "<=", ">", ">=", "==", "!="};

    final Gen g;
    final Lits lits;
    final Fit fit;
    private final MathGen math;
    private int nestedIndices;

    ExprGen(Gen g) {
        this.g = g;
        this.lits = new Lits(g);
        this.fit = new Fit(g, lits);
        this.math = new MathGen(this);
    }

    /** An expression of exactly type {@code t}. */
    Term expr(FuzzType t, Scope s, int depth) {
        if (depth <= 0 || g.chance(0.25)) {
            return leaf(t, s);
        }
        int d = depth - 1;
        for (int attempt = 0; attempt < 4; attempt++) {
            Term x = production(t, s, d);
            if (x != null) {
                return x;
            }
        }
        return leaf(t, s);
    }

    /** A pure expression (no side effects) of type {@code t}. */
    Term pure(FuzzType t, Scope s, int depth) {
        for (int attempt = 0; attempt < 6; attempt++) {
            Term x = expr(t, s, depth);
            if (x.pure()) {
                return x;
            }
        }
        return leaf(t, s);
    }

    private Term production(FuzzType t, Scope s, int d) {
        if (t == FuzzType.BOOL) {
            return switch (g.pick(3)) {
                case 0 -> ternary(t, s, d);
                case 1 -> fit.cast(expr(g.pick(FuzzType.values()), s, d), FuzzType.BOOL);
                default -> leaf(t, s);
            };
        }
        int choice = g.pick(20);
        if (t == FuzzType.INT && choice >= 14) {
            return truth(s, d);
        }
        return switch (choice) {
            case 0, 1, 2, 3, 4 -> arithmetic(t, s, d);
            case 5, 6 -> t.isIntegral() ? bitwise(t, s, d) : arithmetic(t, s, d);
            case 7 -> t.isIntegral() ? shift(t, s, d) : math.exact(t, s, d);
            case 8 -> unary(t, s, d);
            case 9 -> ternary(t, s, d);
            case 10 -> cast(t, s, d);
            case 11 -> math.exact(t, s, d);
            case 12 -> callOrMacro(t, s, d);
            default -> g.chance(0.3) ? scratchAssign(t, s, d) : arithmetic(t, s, d);
        };
    }

    /** A leaf of type {@code t}: literal, variable, array element, named constant or object-like macro. */
    Term leaf(FuzzType t, Scope s) {
        List<Term> options = new ArrayList<>();
        for (Scope.Var v : s.vars(v -> v.type() == t && v.kind() != Scope.Kind.SCRATCH)) {
            options.add(new Term(v.text(), v.text().endsWith("]") ? Term.POSTFIX : Term.PRIMARY, t, v.inv(), true));
        }
        for (Scope.Arr a : s.arrays(a -> a.type() == t)) {
            options.add(element(a, s));
        }
        for (Gen.Macro m : g.macros) {
            if (m.params() == null && m.type() == t) {
                options.add(new Term(m.name(), Term.PRIMARY, t, m.result(), true));
            }
        }
        if (options.isEmpty() || g.chance(0.25)) {
            return lits.random(t);
        }
        return g.pick(options);
    }

    /** {@code a[index]}: an index in range for the array. */
    Term element(Scope.Arr a, Scope s) {
        String index;
        if (a.length() < 0) {
            index = g.chance(0.75) ? a.index() : a.index().equals("i") ? kernelIndex(s) : "0";
        } else if (nestedIndices > 1) {
            index = Integer.toString(g.pick(a.length()));
        } else {
            nestedIndices++;
            Term k = fit.range(pure(g.pick(FuzzType.INT, FuzzType.INT, FuzzType.LONG), s, 1), 0, a.length() - 1);
            nestedIndices--;
            if (k.facts().lo() < 0) {
                k = fit.range(k, 0, a.length() - 1);
            }
            index = k.facts().lo() >= 0 ? k.text() : "0";
        }
        return new Term(a.name() + "[" + index + "]", Term.POSTFIX, a.type(), a.elem(), true);
    }

    /** An index of a kernel array other than i, in [0, n). */
    private String kernelIndex(Scope s) {
        return switch (g.pick(5)) {
            case 0 -> "n - 1 - i";
            case 1 -> "(i + " + (1 + g.pick(g.n + 3)) + ") % n";
            case 2 -> "i / 2";
            case 3 -> "0";
            default -> "(i * " + (2 + g.pick(9)) + " + " + g.pick(7) + ") % n";
        };
    }

    /** Operand types whose usual arithmetic conversion gives {@code t}. */
    FuzzType[] operands(FuzzType t) {
        FuzzType other = switch (t) {
            case INT -> g.chance(0.8) ? FuzzType.INT : FuzzType.BOOL;
            case LONG -> g.pick(FuzzType.LONG, FuzzType.INT, FuzzType.BOOL);
            case FLOAT -> g.pick(FuzzType.FLOAT, FuzzType.FLOAT, FuzzType.INT, FuzzType.LONG, FuzzType.BOOL);
            default -> g.pick(FuzzType.values());
        };
        FuzzType main = t == FuzzType.INT && g.chance(0.1) ? FuzzType.BOOL : t;
        return g.chance(0.5) ? new FuzzType[] {main, other} : new FuzzType[] {other, main};
    }

    private Term arithmetic(FuzzType t, Scope s, int d) {
        String op = t.isIntegral() ? g.pick("+", "-", "*", "/", "%", "+", "-", "*") : g.pick("+", "-", "*", "/");
        FuzzType[] ts = operands(t);
        Term l = expr(ts[0], s, d);
        Term r = expr(ts[1], s, d);
        if (op.equals("/") || op.equals("%")) {
            if (t.isIntegral()) {
                r = fit.nonZero(narrowIntegral(r, t.max()));
            } else if (r.facts().unsureZero() && r.facts().mayBeZero()) {
                r = fit.sanitize(r);
            }
        }
        Facts f = combine(op, l, r, t);
        if (f == null && t.isIntegral()) {
            long limit = op.equals("*") ? (t == FuzzType.INT ? 46340 : 3037000499L) : t.max() / 2 - 1;
            l = narrowIntegral(l, limit);
            if (!op.equals("/") && !op.equals("%")) {
                r = narrowIntegral(r, limit);
            }
            f = combine(op, l, r, t);
        }
        return f == null ? null : Term.binary(l, op, r, t, f);
    }

    /** Facts of {@code l op r} after the usual arithmetic conversions to {@code t}; null when undefined. */
    static Facts combine(String op, Term l, Term r, FuzzType t) {
        Facts a = l.facts().convert(t);
        Facts b = r.facts().convert(t);
        return FactsMath.binary(op, a, b, t);
    }

    /** An integral term narrowed to [-limit, limit]; a bool stays as it is. */
    Term narrowIntegral(Term x, long limit) {
        if (x.type() == FuzzType.BOOL || x.facts().lo() >= -limit && x.facts().hi() <= limit) {
            return x;
        }
        return fit.range(x, -Math.min(limit, x.type().max()), Math.min(limit, x.type().max()));
    }

    private Term bitwise(FuzzType t, Scope s, int d) {
        String op = g.pick("&", "|", "^");
        FuzzType[] ts = operands(t);
        Term l = expr(ts[0], s, d);
        Term r = expr(ts[1], s, d);
        return Term.binary(l, op, r, t, combine(op, l, r, t));
    }

    private Term shift(FuzzType t, Scope s, int d) {
        String op = g.pick("<<", ">>", ">>");
        Term l = expr(t == FuzzType.INT && g.chance(0.1) ? FuzzType.BOOL : t, s, d);
        Term count = expr(g.pick(FuzzType.INT, FuzzType.INT, FuzzType.LONG, FuzzType.BOOL), s, d);
        int most = op.equals("<<") ? 1 + g.pick(t.bits() - 2) : g.chance(0.5) ? 7 : t.bits() - 1;
        count = fit.range(count, 0, most);
        if (count.facts().lo() < 0) {
            count = fit.range(count, 0, Math.min(7, most));
        }
        if (count.facts().lo() < 0 || count.facts().hi() > most) {
            return null;
        }
        Facts lf = l.facts().convert(t);
        if (op.equals("<<")) {
            long hi = t.max() >> count.facts().hi();
            if (lf.lo() < 0 || lf.hi() > hi) {
                l = fit.range(l, 0, hi);
                lf = l.facts().convert(t);
            }
            if (lf.lo() < 0 || lf.hi() > hi) {
                return null;
            }
        }
        Facts f = FactsMath.shift(op, lf, count.facts().convert(FuzzType.LONG), t);
        return f == null ? null : Term.binary(l, op, count, t, f);
    }

    private Term unary(FuzzType t, Scope s, int d) {
        String op = t.isIntegral() ? g.pick("-", "~", "+", "-") : g.pick("-", "+");
        Term x = expr(t, s, d);
        if (op.equals("-") && t.isIntegral() && x.facts().lo() == t.min()) {
            x = narrowIntegral(x, t.max());
        }
        Facts f = FactsMath.unary(op, x.facts());
        return f == null ? null : new Term(op + Fit.unaryOperand(x), Term.UNARY, t, f, x.pure());
    }

    /** A truth value (int 0 or 1): comparison, logical operator, {@code !} or classification. */
    private Term truth(Scope s, int d) {
        FuzzType[] all = FuzzType.values();
        switch (g.pick(7)) {
            case 0, 1, 2 -> {
                String op = CMP[g.pick(CMP.length)];
                Term l = expr(g.pick(all), s, d);
                Term r = expr(g.pick(all), s, d);
                return Term.binary(l, op, r, FuzzType.INT, FactsMath.truth());
            }
            case 3, 4 -> {
                String op = g.pick("&&", "||");
                return Term.binary(expr(g.pick(all), s, d), op, expr(g.pick(all), s, d), FuzzType.INT, FactsMath.truth());
            }
            case 5 -> {
                Term x = expr(g.pick(all), s, d);
                return new Term("!" + Fit.unaryOperand(x), Term.UNARY, FuzzType.INT, FactsMath.truth(), x.pure());
            }
            default -> {
                return math.predicate(s, d);
            }
        }
    }

    private Term ternary(FuzzType t, Scope s, int d) {
        Term c = condition(s, d);
        FuzzType other = t == FuzzType.BOOL ? t : g.chance(0.7) ? t : g.pick(operands(t));
        Term a = expr(t, s, d);
        Term b = expr(other, s, d);
        if (g.chance(0.5)) {
            Term swap = a;
            a = b;
            b = swap;
        }
        FuzzType common = a.type() == FuzzType.BOOL && b.type() == FuzzType.BOOL ? FuzzType.BOOL
                : FuzzType.common(a.type(), b.type());
        if (common != t) {
            return null;
        }
        Facts f = a.facts().convert(t).join(b.facts().convert(t));
        return new Term(c.at(Term.LOR) + " ? " + a.at(Term.ASSIGN + 1) + " : " + b.at(Term.COND), Term.COND, t, f,
                c.pure() && a.pure() && b.pure());
    }

    /**
     * The condition of {@code ?:}: OpenCL C forbids a floating one (the CPU translator refuses it too), so
     * a floating value is compared or converted first.
     */
    Term condition(Scope s, int d) {
        Term c = expr(g.pick(FuzzType.values()), s, d);
        if (!c.type().isFloating()) {
            return c;
        }
        return switch (g.pick(3)) {
            case 0 -> Term.binary(c, "!=", lits.integral(FuzzType.INT, 0), FuzzType.INT, FactsMath.truth());
            case 1 -> fit.cast(c, FuzzType.BOOL);
            default -> new Term("!!" + Fit.unaryOperand(c), Term.UNARY, FuzzType.INT, FactsMath.truth(), c.pure());
        };
    }

    private Term cast(FuzzType t, Scope s, int d) {
        FuzzType from = g.pick(FuzzType.values());
        return from == t ? null : fit.cast(expr(from, s, d), t);
    }

    private Term callOrMacro(FuzzType t, Scope s, int d) {
        List<Object> options = new ArrayList<>();
        for (Gen.Helper h : g.helpers) {
            if (h.type() == t) {
                options.add(h);
            }
        }
        for (Gen.Macro m : g.macros) {
            if (m.params() != null && m.type() == t) {
                options.add(m);
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        Object o = g.pick(options);
        if (o instanceof Gen.Helper h) {
            List<String> args = new ArrayList<>();
            boolean pure = true;
            for (Gen.Param p : h.params()) {
                if (p.array()) {
                    List<Scope.Arr> arrays = s.arrays(a -> a.kernel() && a.type() == p.type());
                    if (arrays.isEmpty()) {
                        return null;
                    }
                    args.add(g.pick(arrays).name());
                    continue;
                }
                Term a = fit.into(expr(p.type(), s, d), p.facts());
                args.add(a.text());
                pure &= a.pure();
            }
            return new Term(h.name() + "(" + String.join(", ", args) + ")", Term.POSTFIX, t, h.result(), pure);
        }
        Gen.Macro m = (Gen.Macro) o;
        List<String> args = new ArrayList<>();
        for (Gen.Param p : m.params()) {
            // C converts nothing in a macro: the argument must have the parameter's type itself
            Term a = fit.into(fit.cast(pure(g.chance(0.7) ? p.type() : g.pick(FuzzType.values()), s, d), p.type()),
                    p.facts());
            args.add(a.text());
        }
        return new Term(m.name() + "(" + String.join(", ", args) + ")", Term.POSTFIX, t, m.result(), true);
    }

    /** {@code (s = e)} or a compound assignment to a scratch variable not yet touched by this statement. */
    private Term scratchAssign(FuzzType t, Scope s, int d) {
        List<Scope.Var> free = s.vars(v -> v.kind() == Scope.Kind.SCRATCH && v.type() == t && !g.touched.contains(v.name()));
        if (free.isEmpty()) {
            return null;
        }
        Scope.Var v = g.pick(free);
        Term value;
        String op;
        Facts f;
        if (t.isFloating()) {
            op = g.pick("=", "+=", "-=", "*=", "/=");
            value = expr(g.pick(operands(t)), s, d);
            f = Facts.any(t);
        } else if (t == FuzzType.BOOL) {
            op = "=";
            value = expr(FuzzType.BOOL, s, d);
            f = Facts.integral(t, 0, 1);
        } else {
            op = g.pick("=", "^=", "|=", "&=");
            value = expr(t, s, d);
            f = op.equals("=") ? value.facts() : Facts.any(t);
        }
        if (!g.touched.add(v.name())) {
            return null;
        }
        return new Term(v.text() + " " + op + " " + value.at(Term.ASSIGN), Term.ASSIGN, t, f, false);
    }
}
