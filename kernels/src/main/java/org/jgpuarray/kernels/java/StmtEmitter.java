package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes typed statements as Java. Bodies of {@code if}, {@code else} and loops are always braced;
 * variables without an initializer start at zero (Java requires definite assignment, and C leaves the
 * value undefined). Not thread-safe.
 */
final class StmtEmitter {
    private final ExprEmitter exprs;
    private final CodeWriter out;
    private int unused;

    StmtEmitter(ExprEmitter exprs, CodeWriter out) {
        this.exprs = exprs;
        this.out = out;
    }

    void statements(List<TStmt> list) {
        for (TStmt s : list) {
            statement(s);
        }
    }

    void statement(TStmt s) {
        if (s instanceof TStmt.Declare d) {
            for (TStmt.Declarator v : d.declarators()) {
                out.line(declaration(v) + ";");
            }
        } else if (s instanceof TStmt.ExprStmt e) {
            expressionStatement(e.expression());
        } else if (s instanceof TStmt.Block b) {
            out.open("{");
            statements(b.statements());
            out.close("}");
        } else if (s instanceof TStmt.If i) {
            ifStatement(i, "if (");
        } else if (s instanceof TStmt.While w) {
            body("while (" + exprs.condition(w.condition()).text() + ") {", w.body(), "}");
        } else if (s instanceof TStmt.DoWhile d) {
            body("do {", d.body(), "} while (" + exprs.condition(d.condition()).text() + ");");
        } else if (s instanceof TStmt.For f) {
            forStatement(f);
        } else if (s instanceof TStmt.Switch w) {
            switchStatement(w);
        } else if (s instanceof TStmt.Break) {
            out.line("break;");
        } else if (s instanceof TStmt.Continue) {
            out.line("continue;");
        } else if (s instanceof TStmt.Return r) {
            out.line(r.value() == null ? "return;"
                    : "return " + exprs.value(r.value(), JavaKind.of(r.value().type())).text() + ";");
        } else if (!(s instanceof TStmt.Empty)) {
            throw new IllegalStateException("unknown statement " + s);
        }
    }

    /** {@code type name = value} for one declarator, without the semicolon. */
    String declaration(TStmt.Declarator v) {
        Symbol s = v.symbol();
        if (v.size() < 0) {
            JavaKind kind = JavaKind.of(s.type());
            String init = v.init() == null ? JavaLiterals.zero(kind) : exprs.value(v.init(), kind).text();
            return kind.javaName() + " " + s.javaName() + " = " + init;
        }
        String element = JavaKind.element(s.type()).javaName();
        if (v.initList() == null) {
            return element + "[] " + s.javaName() + " = new " + element + "[" + v.size() + "]";
        }
        List<String> values = new ArrayList<>();
        for (TExpr e : v.initList()) {
            values.add(exprs.value(e, JavaKind.element(s.type())).text());
        }
        while (values.size() < v.size()) {
            values.add(JavaKind.element(s.type()) == JavaKind.BYTE ? "(byte) 0"
                    : JavaLiterals.zero(JavaKind.element(s.type())));
        }
        return element + "[] " + s.javaName() + " = new " + element + "[] {" + String.join(", ", values) + "}";
    }

    /**
     * An expression statement: Java statement expressions as they are, side-effect-free ones dropped,
     * anything else assigned to an unused local.
     */
    private void expressionStatement(TExpr e) {
        TExpr stripped = StatementExpressions.strip(e);
        if (StatementExpressions.isStatement(stripped)) {
            out.line(exprs.statement(stripped) + ";");
        } else if (SideEffects.has(stripped)) {
            JCode code = exprs.emit(stripped);
            out.line("{ " + code.kind().javaName() + " unused$" + (++unused) + " = " + code.text() + "; }");
        }
    }

    private void ifStatement(TStmt.If i, String prefix) {
        out.open(prefix + exprs.condition(i.condition()).text() + ") {");
        inner(i.then());
        out.dedent();
        if (i.otherwise() instanceof TStmt.If elseIf) {
            ifStatement(elseIf, "} else if (");
            return;
        }
        if (i.otherwise() != null) {
            out.open("} else {");
            inner(i.otherwise());
            out.dedent();
        }
        out.line("}");
    }

    private void body(String header, TStmt body, String footer) {
        out.open(header);
        inner(body);
        out.close(footer);
    }

    /** The statements of a body, without braces of their own when the body is a block. */
    private void inner(TStmt body) {
        if (body instanceof TStmt.Block b) {
            statements(b.statements());
        } else {
            statement(body);
        }
    }

    private void forStatement(TStmt.For f) {
        String condition = f.condition() == null ? "" : exprs.condition(f.condition()).text();
        String update = f.update() == null ? "" : list(f.update());
        boolean arrays = f.init() instanceof TStmt.Declare d && d.declarators().stream().anyMatch(v -> v.size() >= 0);
        String init = "";
        if (arrays) {
            out.open("{");
            statement(f.init());
        } else if (f.init() instanceof TStmt.Declare d) {
            List<String> parts = new ArrayList<>();
            for (TStmt.Declarator v : d.declarators()) {
                String full = declaration(v);
                parts.add(parts.isEmpty() ? full : full.substring(full.indexOf(' ') + 1));
            }
            init = String.join(", ", parts);
        } else if (f.init() instanceof TStmt.ExprList l) {
            init = list(l);
        }
        body("for (" + init + "; " + condition + "; " + update + ") {", f.body(), "}");
        if (arrays) {
            out.close("}");
        }
    }

    private String list(TStmt.ExprList l) {
        List<String> parts = new ArrayList<>();
        for (TExpr e : l.expressions()) {
            parts.add(exprs.statement(e));
        }
        return String.join(", ", parts);
    }

    private void switchStatement(TStmt.Switch w) {
        out.open("switch (" + exprs.value(w.selector(), JavaKind.INT).text() + ") {");
        for (TStmt.Group g : w.groups()) {
            for (Integer label : g.labels()) {
                out.line(label == null ? "default:" : "case " + label + ":");
            }
            out.indent();
            statements(g.statements());
            out.dedent();
        }
        out.close("}");
    }
}
