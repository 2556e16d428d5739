package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Generates a case's preamble: object- and function-like macros and helper functions. */
final class PreambleGen {
    private final Gen g;
    private final ExprGen e;
    private final StringBuilder out = new StringBuilder();

    PreambleGen(Gen g, ExprGen e) {
        this.g = g;
        this.e = e;
    }

    String text() {
        return out.toString();
    }

    /** Macros and helpers, each added to {@link Gen} as soon as it is defined (later ones may use earlier ones). */
    void generate() {
        int items = g.pick(5);
        for (int k = 0; k < items; k++) {
            switch (g.pick(7)) {
                case 0, 1 -> objectMacro();
                case 2, 3 -> functionMacro();
                case 4 -> constGlobal();
                default -> helper();
            }
        }
    }

    private void objectMacro() {
        FuzzType t = g.pick(FuzzType.values());
        String name = g.fresh("K").toUpperCase();
        Term value = t.isIntegral() && g.chance(0.3) && t != FuzzType.BOOL
                ? e.fit.range(e.pure(t, new Scope(null), 2), -1000, 1000) : e.lits.random(t);
        if (g.chance(0.2)) {
            out.append("#define ").append(name).append(" 0\n#undef ").append(name).append('\n');
        }
        String body = value.prec() == Term.PRIMARY || g.chance(0.3) && value.prec() == Term.UNARY ? value.text()
                : "(" + value.text() + ")";
        out.append("#define ").append(name).append(' ').append(body).append('\n');
        g.macros.add(new Gen.Macro(name, null, t, value.facts()));
    }

    /** A finite literal: what a const global may be initialized with on every backend. */
    private Term finite(FuzzType t) {
        for (int k = 0; k < 20; k++) {
            Term v = e.lits.random(t);
            if (t.isIntegral() || !v.facts().nan() && !v.facts().mayBeInfinite()) {
                return v;
            }
        }
        return e.lits.floating(t, 1.5);
    }

    /** {@code const T NAME = value;} or a const array with a brace initializer. */
    private void constGlobal() {
        FuzzType t = g.pick(FuzzType.values());
        String name = g.fresh("g");
        if (g.chance(0.6)) {
            Term value = finite(t);
            out.append("const ").append(t.cName()).append(' ').append(name).append(" = ").append(value.text()).append(";\n");
            g.globals.add(new Scope.Var(name, name, t, value.facts(), Scope.Kind.CONST));
            return;
        }
        int length = 2 + g.pick(4);
        List<String> values = new ArrayList<>();
        Facts facts = null;
        for (int k = 0; k < length; k++) {
            Term v = finite(t);
            values.add(v.text());
            facts = facts == null ? v.facts() : facts.join(v.facts());
        }
        out.append("const ").append(t.cName()).append(' ').append(name).append('[').append(length).append("] = {")
                .append(String.join(", ", values)).append("};\n");
        g.globals.add(new Scope.Arr(name, t, facts, length, false, null, false));
    }

    private void functionMacro() {
        FuzzType t = g.pick(FuzzType.INT, FuzzType.LONG, FuzzType.FLOAT, FuzzType.DOUBLE, FuzzType.INT);
        String name = g.fresh("M").toUpperCase();
        Scope s = new Scope(g.globals);
        List<Gen.Param> params = new ArrayList<>();
        int arity = g.chance(0.1) ? 0 : 1 + g.pick(3);
        for (int k = 0; k < arity; k++) {
            FuzzType pt = g.pick(FuzzType.values());
            String p = "q" + k;
            Facts f = g.invariant(pt);
            params.add(new Gen.Param(p, pt, f));
            s.add(new Scope.Var(p, "(" + p + ")", pt, f, Scope.Kind.CONST));
        }
        Term body = e.pure(t, s, 3);
        List<String> names = new ArrayList<>();
        for (Gen.Param p : params) {
            names.add(p.name());
        }
        out.append("#define ").append(name).append('(').append(String.join(g.pick(", ", ",", " , "), names)).append(") (")
                .append(body.text()).append(")\n");
        g.macros.add(new Gen.Macro(name, params, t, body.facts()));
    }

    private void helper() {
        FuzzType t = g.pick(FuzzType.values());
        String name = g.fresh("h");
        Scope s = new Scope(g.globals);
        List<Gen.Param> params = new ArrayList<>();
        List<String> decls = new ArrayList<>();
        int arity = g.pick(4);
        StmtGen body = new StmtGen(g, e, 1);
        for (int k = 0; k < arity; k++) {
            FuzzType pt = g.pick(FuzzType.values());
            String p = g.fresh("p");
            Facts f = g.invariant(pt);
            params.add(new Gen.Param(p, pt, f));
            s.add(new Scope.Var(p, p, pt, f, Scope.Kind.LOCAL));
            decls.add(body.typeName(pt) + " " + p);
        }
        if (g.chance(0.3)) {
            // array parameters (read only: they are the kernel's input arrays) and an index in [0, n)
            String index = g.fresh("p");
            for (int k = 0; k < 1 + g.pick(2); k++) {
                FuzzType pt = g.pick(FuzzType.values());
                String p = g.fresh("p");
                params.add(g.pick(params.size() + 1), new Gen.Param(p, pt, Facts.any(pt), true));
                s.add(Scope.Arr.kernel(p, pt, Facts.any(pt), index));
            }
            Facts range = Facts.integral(FuzzType.LONG, 0, g.n - 1);
            params.add(new Gen.Param(index, FuzzType.LONG, range));
            s.add(new Scope.Var(index, index, FuzzType.LONG, range, Scope.Kind.CONST));
            decls.clear();
            for (Gen.Param p : params) {
                decls.add(p.array() ? g.pick("const ", "", "") + p.type().cName() + (g.chance(0.8) ? " *" + p.name() : " " + p.name() + "[]")
                        : body.typeName(p.type()) + " " + p.name());
            }
        }
        Facts result = g.invariant(t);
        Gen.Param ret = new Gen.Param("return", t, result);
        body.block(s, g.pick(4), new StmtGen.Ctx(1, 1, false, false, false, ret));
        Term value = e.fit.into(e.expr(t, s, 3), result);
        String qualifier = g.pick("", "", "static ", "inline ", "static inline ", "__device__ ");
        String header = qualifier + t.cName() + " " + name + "(" + (decls.isEmpty() && g.chance(0.5) ? "void"
                : String.join(", ", decls)) + ")";
        if (g.chance(0.2)) {
            out.append(header).append(";\n");
        }
        out.append(header).append(" {\n").append(body.text()).append("    return ").append(value.text()).append(";\n}\n");
        g.helpers.add(new Gen.Helper(name, t, result, params));
    }
}
