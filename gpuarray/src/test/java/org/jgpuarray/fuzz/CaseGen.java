package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates whole cases: inputs, outputs, preamble and operation, or a reduction. */
final class CaseGen {
    private CaseGen() {
    }

    /**
     * The elementwise case of {@code seed}.
     *
     * @param prefix      prefix of every name the case declares, so that cases can share a program
     * @param n           elements per array
     * @param mayContinue whether the operation may end early with a top-level {@code continue}
     */
    static FuzzCase elementwise(long seed, String prefix, int n, boolean mayContinue) {
        Gen g = new Gen(new Random(seed), prefix, n, mayContinue);
        ExprGen e = new ExprGen(g);
        PreambleGen preamble = new PreambleGen(g, e);
        preamble.generate();
        Scope top = new Scope(g.globals);
        top.add(new Scope.Var("i", "i", FuzzType.LONG, Facts.integral(FuzzType.LONG, 0, n - 1), Scope.Kind.FIXED));
        top.add(new Scope.Var("n", "n", FuzzType.LONG, Facts.integral(FuzzType.LONG, n, n), Scope.Kind.FIXED));
        List<FuzzCase.Arg> args = new ArrayList<>();
        int inputs = 1 + g.pick(3);
        for (int k = 0; k < inputs; k++) {
            FuzzType t = g.pick(FuzzType.values());
            Inputs.Column c = Inputs.array(g, t, n);
            String name = prefix + "x" + k;
            args.add(new FuzzCase.Arg(name, t, true, c.values(), null));
            top.add(Scope.Arr.kernel(name, t, c.facts(), "i"));
        }
        int scalars = g.pick(3);
        for (int k = 0; k < scalars; k++) {
            FuzzType t = g.pick(FuzzType.INT, FuzzType.LONG, FuzzType.FLOAT, FuzzType.DOUBLE, FuzzType.BOOL);
            Inputs.Column c = Inputs.scalar(g, t);
            String name = prefix + "s" + k;
            args.add(new FuzzCase.Arg(name, t, false, c.values(), null));
            top.add(new Scope.Var(name, name, t, c.facts(), Scope.Kind.CONST));
        }
        StmtGen prep = new StmtGen(g, e, 0);
        if (g.chance(0.2)) {
            // loop preparation: values computed once per worker from the scalars, read by the operation
            FuzzType t = g.pick(FuzzType.INT, FuzzType.FLOAT, FuzzType.DOUBLE, FuzzType.LONG);
            String name = prefix + "l0";
            Scope noIndex = new Scope(g.globals);
            for (Scope.Var v : top.vars(v -> v.kind() == Scope.Kind.CONST)) {
                noIndex.add(v);
            }
            Term value = e.fit.into(e.pure(t, noIndex, 2), g.invariant(t));
            prep.line((g.chance(0.5) ? "const " : "") + prep.typeName(t) + " " + name + " = " + value.text() + ";");
            top.add(new Scope.Var(name, name, t, value.facts(), Scope.Kind.CONST));
        }
        StmtGen body = new StmtGen(g, e, 1);
        Scope s = top.child();
        List<Scope.Var> outputs = new ArrayList<>();
        int count = 1 + g.pick(3);
        for (int k = 0; k < count; k++) {
            FuzzType t = g.pick(FuzzType.values());
            String name = prefix + "o" + k;
            Scope.Var v = new Scope.Var(name, name + "[i]", t, g.invariant(t), Scope.Kind.OUTPUT);
            g.touched.clear();
            body.line(v.text() + " = " + e.fit.into(e.expr(g.pick(FuzzType.values()), s, 3), v.inv()).text() + ";");
            s.add(v);
            outputs.add(v);
        }
        List<Scope.Var> scratch = new ArrayList<>();
        for (int k = 0; k < g.pick(3); k++) {
            FuzzType t = g.pick(FuzzType.values());
            String name = prefix + "t" + k;
            body.line(body.typeName(t) + " " + name + " = 0;");
            Scope.Var v = new Scope.Var(name, name, t, Facts.any(t), Scope.Kind.SCRATCH);
            s.add(v);
            scratch.add(v);
        }
        body.block(s, 2 + g.pick(8), new StmtGen.Ctx(0, 0, false, false, true, null));
        List<FuzzCase.Check> checks = finalStores(g, e, body, s, outputs, scratch);
        for (int k = 0; k < outputs.size(); k++) {
            Scope.Var o = outputs.get(k);
            args.add(new FuzzCase.Arg(o.name(), o.type(), true, Inputs.array(g, o.type(), n).values(), checks.get(k)));
        }
        java.util.Collections.shuffle(args, g.r);
        String origin = "CaseGen.elementwise(" + seed + "L, \"" + prefix + "\", " + n + ", " + mayContinue + ")";
        return new FuzzCase(origin, args, preamble.text(), prep.text(), body.text(), null, n);
    }

    /** The last writes of the outputs: scratch variables folded in, some outputs set by approximate functions. */
    private static List<FuzzCase.Check> finalStores(Gen g, ExprGen e, StmtGen body, Scope s, List<Scope.Var> outputs,
                                                    List<Scope.Var> scratch) {
        Scope reading = s.child();
        for (Scope.Var v : scratch) {
            reading.add(new Scope.Var(v.name(), v.text(), v.type(), Facts.any(v.type()), Scope.Kind.CONST));
        }
        List<FuzzCase.Check> checks = new ArrayList<>();
        for (Scope.Var o : outputs) {
            g.touched.clear();
            if (o.type().isFloating() && g.chance(0.3)) {
                FuzzType t = g.chance(0.7) ? o.type() : g.pick(FuzzType.FLOAT, FuzzType.DOUBLE);
                MathGen.Approx a = new MathGen(e).approximate(t, s, 3);
                body.line(o.text() + " = " + a.term().text() + ";");
                FuzzType ulpType = t == FuzzType.FLOAT || o.type() == FuzzType.FLOAT ? FuzzType.FLOAT : FuzzType.DOUBLE;
                checks.add(new FuzzCase.Check(false, a.ulp() + 2, ulpType, true));
                continue;
            }
            if (!scratch.isEmpty() && g.chance(0.7)) {
                Term v = e.expr(o.type(), reading, 2);
                body.line(o.text() + " = " + e.fit.into(v, o.inv()).text() + ";");
            }
            checks.add(FuzzCase.Check.EXACT);
        }
        return checks;
    }
}
