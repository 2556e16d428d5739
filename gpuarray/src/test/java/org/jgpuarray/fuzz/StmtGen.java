package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates statements. Every assignable variable has an invariant ({@link Scope.Var#inv()}) that holds
 * wherever it is read; every assignment keeps it, narrowing the value or adding a statement that brings
 * the variable back. Loops are bounded by counters the body never assigns, so facts need no fixpoint.
 */
final class StmtGen {
    /** Where a statement is: loop depth, whether break/continue/return are allowed, whether at the top. */
    record Ctx(int depth, int loops, boolean loop, boolean breakable, boolean top, Gen.Param function) {
        Ctx nested() {
            return new Ctx(depth + 1, loops, loop, breakable, false, function);
        }

        Ctx inLoop() {
            return new Ctx(depth + 1, loops + 1, true, true, false, function);
        }

        Ctx inSwitch() {
            return new Ctx(depth + 1, loops, loop, true, false, function);
        }
    }

    private final Gen g;
    private final ExprGen e;
    private final Fit fit;
    private final StringBuilder out = new StringBuilder();
    private int indent;
    private int statements;

    StmtGen(Gen g, ExprGen e, int indent) {
        this.g = g;
        this.e = e;
        this.fit = e.fit;
        this.indent = indent;
    }

    String text() {
        return out.toString();
    }

    void line(String s) {
        out.append("    ".repeat(indent)).append(s).append('\n');
    }

    /** Up to {@code budget} statements in scope {@code s}. */
    void block(Scope s, int budget, Ctx ctx) {
        for (int k = 0; k < budget && statements < 40; k++) {
            statement(s, ctx);
        }
    }

    void statement(Scope s, Ctx ctx) {
        statements++;
        g.touched.clear();
        int roll = g.pick(100);
        boolean deep = ctx.depth() >= 3;
        if (roll < 20) {
            declare(s, ctx);
        } else if (roll < 40) {
            assign(s);
        } else if (roll < 55) {
            compound(s);
        } else if (roll < 60) {
            incDec(s);
        } else if (roll < 68 && !deep) {
            ifElse(s, ctx);
        } else if (roll < 74 && !deep && ctx.loops() < 2) {
            forLoop(s, ctx);
        } else if (roll < 78 && !deep && ctx.loops() < 2) {
            whileLoop(s, ctx);
        } else if (roll < 81 && !deep) {
            switchStatement(s, ctx);
        } else if (roll < 84 && !deep) {
            nestedBlock(s, ctx);
        } else if (roll < 87) {
            declareArray(s);
        } else if (roll < 91 && (ctx.breakable() || ctx.loop())) {
            jump(s, ctx);
        } else if (roll < 93 && ctx.top() && g.mayContinue) {
            line("if (" + e.expr(g.pick(FuzzType.values()), s, 2).text() + ") continue;");
        } else if (roll < 95 && ctx.function() != null) {
            line("if (" + e.expr(g.pick(FuzzType.values()), s, 2).text() + ") return "
                    + fit.into(e.expr(ctx.function().type(), s, 2), ctx.function().facts()).text() + ";");
        } else if (roll < 96) {
            line(";");
        } else {
            assign(s);
        }
    }

    /** The C spelling of a declared type. */
    String typeName(FuzzType t) {
        return switch (t) {
            case INT -> g.pick("int", "int", "int", "int32_t");
            case LONG -> g.pick("long", "long", "int64_t", "ptrdiff_t");
            default -> t.cName();
        };
    }

    private void declare(Scope s, Ctx ctx) {
        FuzzType t = g.pick(FuzzType.values());
        String name = g.fresh("v");
        for (Object o : s.outerDeclarations()) {
            if (o instanceof Scope.Var v && v.kind() == Scope.Kind.LOCAL && v.name().startsWith(g.prefix)
                    && !s.declaresHere(v.name()) && g.chance(0.1)) {
                name = v.name();
                break;
            }
        }
        Facts inv = g.invariant(t);
        boolean constant = g.chance(0.15);
        Term init = fit.into(e.expr(g.pick(FuzzType.values()), s, 3), inv);
        if (init.text().matches("(?s).*\\b" + name + "\\b.*")) {
            name = g.fresh("v"); // a C declaration is in scope in its own initializer
        }
        Scope.Var first = new Scope.Var(name, name, t, constant ? init.facts() : inv,
                constant ? Scope.Kind.CONST : Scope.Kind.LOCAL);
        String text = (constant ? "const " : "") + typeName(t) + " " + name + " = " + init.text();
        if (g.chance(0.15)) {
            // a second declarator: in scope already in its own initializer, so it may read the first
            s.add(first);
            String second = g.fresh("v");
            Facts inv2 = constant ? null : g.invariant(t);
            Term init2 = fit.into(e.expr(g.pick(FuzzType.values()), s, 2), constant ? Facts.any(t) : inv2);
            line(text + ", " + second + " = " + init2.text() + ";");
            s.add(new Scope.Var(second, second, t, constant ? init2.facts() : inv2,
                    constant ? Scope.Kind.CONST : Scope.Kind.LOCAL));
            return;
        }
        line(text + ";");
        s.add(first);
    }

    private void declareArray(Scope s) {
        FuzzType t = g.pick(FuzzType.INT, FuzzType.LONG, FuzzType.FLOAT, FuzzType.DOUBLE, FuzzType.INT);
        int length = 2 + g.pick(5);
        Facts inv = g.invariant(t);
        List<String> values = new ArrayList<>();
        int given = g.chance(0.2) ? 1 + g.pick(length) : length;
        for (int k = 0; k < given; k++) {
            values.add(fit.into(e.pure(g.pick(FuzzType.values()), s, 2), inv).text());
        }
        String name = g.fresh("a");
        line(typeName(t) + " " + name + "[" + length + "] = {" + String.join(", ", values) + "};");
        s.add(Scope.Arr.local(name, t, inv, length));
    }

    /** An assignable place: a variable or an element of a local array, with its invariant. */
    private record Target(String text, FuzzType type, Facts inv) {
    }

    private Target target(Scope s) {
        List<Target> options = new ArrayList<>();
        for (Scope.Var v : s.vars(Scope.Var::assignable)) {
            options.add(new Target(v.text(), v.type(), v.inv()));
        }
        for (Scope.Arr a : s.arrays(Scope.Arr::writable)) {
            options.add(new Target(e.element(a, s).text(), a.type(), a.elem()));
        }
        return options.isEmpty() ? null : g.pick(options);
    }

    private void assign(Scope s) {
        Target t = target(s);
        if (t == null) {
            declare(s, new Ctx(0, 0, false, false, false, null));
            return;
        }
        Term value = fit.into(e.expr(g.chance(0.6) ? t.type() : g.pick(FuzzType.values()), s, 4), t.inv());
        Target u = g.chance(0.1) ? target(s) : null;
        if (u != null && !u.text().equals(t.text())) {
            // a chained assignment: u gets the value t has after the conversion to t's type
            Facts chained = value.facts().convert(u.type());
            if (chained != null && chained.within(u.type().isFloating() ? u.inv().withUnsureZero(true) : u.inv())
                    && !chained.unsureZero()) {
                line(u.text() + " = " + t.text() + " = " + value.text() + ";");
                return;
            }
        }
        line(t.text() + " = " + value.text() + ";");
    }

    private void compound(Scope s) {
        Target t = target(s);
        if (t == null || t.type() == FuzzType.BOOL && g.chance(0.7)) {
            assign(s);
            return;
        }
        boolean integral = t.type().isIntegral();
        String op = integral ? g.pick("+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=")
                : g.pick("+=", "-=", "*=", "/=");
        String base = op.substring(0, op.length() - 1);
        FuzzType vt = g.pick(e.operands(t.type().promoted()));
        Term value = e.expr(vt, s, 3);
        Term current = new Term(t.text(), Term.POSTFIX, t.type(), t.inv(), true);
        Facts result;
        if (base.equals("<<") || base.equals(">>")) {
            FuzzType pt = t.type().promoted();
            value = fit.range(value.type() == FuzzType.BOOL ? value : value, 0, base.equals("<<") ? 3 : pt.bits() - 1);
            result = value.facts().lo() < 0 ? null : FactsMath.shift(base, t.inv().convert(pt), value.facts().convert(FuzzType.LONG), pt);
        } else {
            if (integral && (base.equals("/") || base.equals("%"))) {
                value = fit.nonZero(value);
            }
            FuzzType common = FuzzType.common(t.type(), value.type());
            result = ExprGen.combine(base, current, value, common);
            if (result == null && integral && !base.equals("/") && !base.equals("%")) {
                value = e.narrowIntegral(value, base.equals("*") ? 3 : 1000);
                result = ExprGen.combine(base, current, value, common);
            } else if (result == null && integral) {
                value = e.lits.integral(value.type().promoted(), 1 + g.pick(16));
                result = ExprGen.combine(base, current, value, common);
            }
        }
        Facts converted = result == null ? null : result.convert(t.type());
        if (converted == null) {
            assign(s);
            return;
        }
        line(t.text() + " " + op + " " + value.at(Term.ASSIGN) + ";");
        restore(t, converted);
    }

    /** After an update that may have left {@code t}'s invariant, a statement that brings it back. */
    private void restore(Target t, Facts now) {
        if (now.within(t.inv())) {
            return;
        }
        Term current = new Term(t.text(), Term.POSTFIX, t.type(), now, true);
        if (t.type().isIntegral() && g.chance(0.3)) {
            Facts inv = t.inv();
            line("if (" + t.text() + " < " + e.lits.integral(t.type(), inv.lo()).at(Term.SHIFT) + ") " + t.text() + " = "
                    + e.lits.integral(t.type(), inv.lo()).text() + ";");
            line("if (" + t.text() + " > " + e.lits.integral(t.type(), inv.hi()).at(Term.SHIFT) + ") " + t.text() + " = "
                    + e.lits.integral(t.type(), inv.hi()).text() + ";");
            return;
        }
        line(t.text() + " = " + fit.into(current, t.inv()).text() + ";");
    }

    private void incDec(Scope s) {
        List<Scope.Var> vars = s.vars(v -> v.assignable() && v.type() != FuzzType.BOOL);
        if (vars.isEmpty()) {
            assign(s);
            return;
        }
        Scope.Var v = g.pick(vars);
        boolean up = g.chance(0.5);
        Facts one = v.type().isIntegral() ? Facts.constant(v.type(), 1L) : Facts.constant(v.type(), 1.0);
        Facts now = FactsMath.binary(up ? "+" : "-", v.inv(), one, v.type());
        if (now == null) {
            assign(s);
            return;
        }
        String op = up ? "++" : "--";
        line((g.chance(0.5) ? op + v.text() : v.text() + op) + ";");
        restore(new Target(v.text(), v.type(), v.inv()), now);
    }

    private String condition(Scope s) {
        return e.expr(g.pick(FuzzType.values()), s, 3).text();
    }

    private void ifElse(Scope s, Ctx ctx) {
        line("if (" + condition(s) + ") {");
        body(s, ctx.nested(), 1 + g.pick(3));
        int elses = g.pick(3);
        for (int k = 0; k < elses; k++) {
            boolean last = k == elses - 1 && g.chance(0.6);
            line(last ? "} else {" : "} else if (" + condition(s) + ") {");
            body(s, ctx.nested(), 1 + g.pick(3));
            if (last) {
                break;
            }
        }
        line("}");
    }

    /** A braced body in a new scope. */
    private void body(Scope s, Ctx ctx, int budget) {
        indent++;
        block(s.child(), budget, ctx);
        indent--;
    }

    private void nestedBlock(Scope s, Ctx ctx) {
        line("{");
        body(s, ctx.nested(), 1 + g.pick(4));
        line("}");
    }

    private void forLoop(Scope s, Ctx ctx) {
        String k = g.fresh("k");
        int count = g.pick(7);
        FuzzType t = g.chance(0.7) ? FuzzType.INT : FuzzType.LONG;
        String type = typeName(t);
        String m = g.fresh("m");
        String header = switch (g.pick(6)) {
            case 0 -> type + " " + k + " = " + (count - 1) + "; " + k + " >= 0; " + k + "--";
            case 4 -> type + " " + k + " = 0, " + m + " = " + count + "; " + k + " < " + m + "; " + k + "++, " + m + "--";
            case 1 -> type + " " + k + " = 0; " + k + " < " + count + "; " + k + " += 2";
            case 2 -> type + " " + k + " = 0; " + k + " < (" + e.pure(FuzzType.INT, s, 2).at(Term.BAND) + " & 7); ++" + k;
            default -> type + " " + k + " = 0; " + k + " < " + count + "; " + k + "++";
        };
        Scope inner = s.child();
        inner.add(new Scope.Var(k, k, t, Facts.integral(t, 0, 7), Scope.Kind.FIXED));
        line("for (" + header + ") {");
        body(inner, ctx.inLoop(), 1 + g.pick(4));
        line("}");
    }

    private void whileLoop(Scope s, Ctx ctx) {
        String w = g.fresh("w");
        int count = g.pick(6);
        line("int " + w + " = 0;");
        s.add(new Scope.Var(w, w, FuzzType.INT, Facts.integral(FuzzType.INT, 0, count), Scope.Kind.FIXED));
        if (g.chance(0.5)) {
            line("while (" + w + " < " + count + ") {");
            indent++;
            line(w + "++;");
            indent--;
            body(s, ctx.inLoop(), 1 + g.pick(3));
            line("}");
        } else {
            line("do {");
            indent++;
            line("++" + w + ";");
            indent--;
            body(s, ctx.inLoop(), 1 + g.pick(3));
            line("} while (" + w + " < " + count + ");");
        }
    }

    private void switchStatement(Scope s, Ctx ctx) {
        Term selector = fit.range(e.expr(FuzzType.INT, s, 2), -3, 3);
        line("switch (" + selector.text() + ") {");
        List<Integer> labels = new ArrayList<>(List.of(-3, -2, -1, 0, 1, 2, 3));
        java.util.Collections.shuffle(labels, g.r);
        int cases = 1 + g.pick(4);
        for (int c = 0; c < cases; c++) {
            String label = "case " + labels.get(c) + ":";
            if (g.chance(0.3) && c + 1 < cases) {
                line(label);
                continue;
            }
            line(label + " {");
            body(s, ctx.inSwitch(), 1 + g.pick(2));
            line(g.chance(0.8) ? "} break;" : "}");
        }
        if (g.chance(0.6)) {
            line("default: {");
            body(s, ctx.inSwitch(), 1 + g.pick(2));
            line("}");
        }
        line("}");
    }

    private void jump(Scope s, Ctx ctx) {
        String what = ctx.loop() && (!ctx.breakable() || g.chance(0.5)) ? "continue" : "break";
        if (!ctx.loop() && what.equals("continue")) {
            what = "break";
        }
        if (g.chance(0.8)) {
            line("if (" + condition(s) + ") " + what + ";");
        } else {
            line(what + ";");
        }
    }
}
