package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates map-reduce cases whose result cannot depend on the order of combination (the CPU and GPUs
 * combine in different trees): integer sums that cannot overflow, float sums of small integers (exact),
 * min/max (NaN-free map values for the ternary forms; every zero made +0.0), bitwise and/or/xor.
 */
final class ReductionGen {
    private ReductionGen() {
    }

    static FuzzCase reduction(long seed) {
        Random random = new Random(seed);
        int n = new int[] {1, 7, 300, 1000, 4096}[random.nextInt(5)];
        Gen g = new Gen(random, "r_", n, false);
        ExprGen e = new ExprGen(g);
        PreambleGen preamble = new PreambleGen(g, e);
        preamble.generate();
        Scope s = new Scope(g.globals);
        s.add(new Scope.Var("i", "i", FuzzType.LONG, Facts.integral(FuzzType.LONG, 0, n - 1), Scope.Kind.FIXED));
        s.add(new Scope.Var("n", "n", FuzzType.LONG, Facts.integral(FuzzType.LONG, n, n), Scope.Kind.FIXED));
        List<FuzzCase.Arg> args = new ArrayList<>();
        for (int k = 0; k < 1 + g.pick(2); k++) {
            FuzzType t = g.pick(FuzzType.values());
            Inputs.Column c = Inputs.array(g, t, n);
            args.add(new FuzzCase.Arg("r_x" + k, t, true, c.values(), null));
            s.add(Scope.Arr.kernel("r_x" + k, t, c.facts(), "i"));
        }
        if (g.chance(0.3)) {
            FuzzType t = g.pick(FuzzType.INT, FuzzType.FLOAT, FuzzType.DOUBLE, FuzzType.LONG);
            Inputs.Column c = Inputs.scalar(g, t);
            args.add(new FuzzCase.Arg("r_s0", t, false, c.values(), null));
            s.add(new Scope.Var("r_s0", "r_s0", t, c.facts(), Scope.Kind.CONST));
        }
        FuzzType type = g.pick(FuzzType.INT, FuzzType.LONG, FuzzType.FLOAT, FuzzType.DOUBLE);
        FuzzCase.Reduction r = type.isIntegral() ? integral(g, e, s, type, n) : floating(g, e, s, type);
        return new FuzzCase("ReductionGen.reduction(" + seed + "L)", args, preamble.text(), "", null, r, n);
    }

    private static FuzzCase.Reduction integral(Gen g, ExprGen e, Scope s, FuzzType t, int n) {
        String min = t == FuzzType.INT ? "INT_MIN" : "LLONG_MIN";
        String max = t == FuzzType.INT ? "INT_MAX" : "LLONG_MAX";
        switch (g.pick(3)) {
            case 0 -> {
                long bound = t.max() / n / 2;
                Term map = e.fit.range(e.fit.cast(e.pure(t, s, 3), t), -bound, bound);
                return new FuzzCase.Reduction(t, g.pick("0", "0L", "(1 - 1)"), g.pick("a + b", "b + a", "a+b"), map.text(),
                        FuzzCase.Check.EXACT);
            }
            case 1 -> {
                Term map = e.fit.cast(e.pure(t, s, 3), t);
                boolean least = g.chance(0.5);
                String reduce = least ? g.pick("min(a, b)", "a < b ? a : b", "b < a ? b : a")
                        : g.pick("max(a, b)", "a > b ? a : b", "b > a ? b : a");
                return new FuzzCase.Reduction(t, least ? max : min, reduce, map.text(), FuzzCase.Check.EXACT);
            }
            default -> {
                Term map = e.fit.cast(e.pure(t, s, 3), t);
                String op = g.pick("|", "&", "^");
                String neutral = op.equals("&") ? g.pick("-1", "~0") : "0";
                return new FuzzCase.Reduction(t, neutral, "a " + op + " b", map.text(), FuzzCase.Check.EXACT);
            }
        }
    }

    private static FuzzCase.Reduction floating(Gen g, ExprGen e, Scope s, FuzzType t) {
        String suffix = t == FuzzType.FLOAT ? "f" : "";
        if (g.chance(0.5)) {
            // small integers: every partial sum is exact, whatever the order
            Term ints = e.fit.range(e.fit.cast(e.pure(g.pick(FuzzType.INT, FuzzType.LONG), s, 3), FuzzType.INT), -1000, 1000);
            String map = g.chance(0.5) ? ints.text() : "(" + t.cName() + ") " + Fit.unaryOperand(ints);
            return new FuzzCase.Reduction(t, "0", g.pick("a + b", "b + a"), map, FuzzCase.Check.EXACT);
        }
        boolean least = g.chance(0.5);
        Term x = e.fit.cast(e.pure(t, s, 3), t);
        String reduce;
        if (g.chance(0.6)) {
            reduce = least ? g.pick("fmin" + suffix + "(a, b)", "min(a, b)", "fmin(b, a)")
                    : g.pick("fmax" + suffix + "(a, b)", "max(a, b)", "fmax(b, a)");
        } else {
            x = e.fit.bound(x, g.pick(1.0, 1e6, 1e30));
            reduce = least ? g.pick("a < b ? a : b", "b < a ? b : a") : g.pick("a > b ? a : b", "b > a ? b : a");
        }
        Term zero = e.lits.floating(t, 0.0);
        String map = x.at(Term.ADD) + " + " + zero.at(Term.MUL);
        String neutral = least ? g.pick("INFINITY", "(" + t.cName() + ") INFINITY") : g.pick("-INFINITY", "-(" + t.cName() + ") INFINITY");
        return new FuzzCase.Reduction(t, neutral, reduce, map, FuzzCase.Check.ANY_ZERO);
    }
}
