package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Types statements of one function body or snippet part: declarations, control flow, and where
 * {@code break}, {@code continue} and {@code return} may appear. Statements after one that cannot complete
 * normally are checked, then dropped (C never reaches them; Java would reject them). Not thread-safe.
 */
final class StmtTyper {
    private final ExprTyper exprs;
    private final FunctionSig function;
    private final boolean elementLoop;
    private int loops;
    private int breakables;

    /**
     * @param exprs       the expression typer
     * @param function    the helper function being typed, or {@code null} for a snippet part
     * @param elementLoop true for a part that runs inside the element loop ({@code continue} skips an element)
     */
    StmtTyper(ExprTyper exprs, FunctionSig function, boolean elementLoop) {
        this.exprs = exprs;
        this.function = function;
        this.elementLoop = elementLoop;
    }

    /** Types a statement list in {@code scope}, dropping unreachable statements. */
    List<TStmt> statements(List<Stmt> list, Scope scope) {
        List<TStmt> out = new ArrayList<>();
        boolean reachable = true;
        for (Stmt s : list) {
            TStmt t = statement(s, scope);
            if (reachable) {
                out.add(t);
                reachable = Reachability.canComplete(t);
            }
        }
        return out;
    }

    TStmt statement(Stmt s, Scope scope) {
        if (s instanceof Stmt.Declaration d) {
            return new DeclarationTyper(exprs).declaration(d, scope);
        } else if (s instanceof Stmt.ExprStmt e) {
            return new TStmt.ExprStmt(exprs.type(e.expression(), scope));
        } else if (s instanceof Stmt.Block b) {
            return new TStmt.Block(statements(b.statements(), scope.block()));
        } else if (s instanceof Stmt.If i) {
            TExpr condition = exprs.value(i.condition(), scope);
            TStmt then = body(i.then(), scope);
            return new TStmt.If(condition, then, i.otherwise() == null ? null : body(i.otherwise(), scope));
        } else if (s instanceof Stmt.While w) {
            return whileStatement(w, scope);
        } else if (s instanceof Stmt.DoWhile d) {
            TStmt body = loopBody(d.body(), scope);
            return new TStmt.DoWhile(body, exprs.value(d.condition(), scope));
        } else if (s instanceof Stmt.For f) {
            return forStatement(f, scope.block());
        } else if (s instanceof Stmt.Switch w) {
            return switchStatement(w, scope);
        } else if (s instanceof Stmt.Break b) {
            return breakStatement(b);
        } else if (s instanceof Stmt.Continue c) {
            return continueStatement(c);
        } else if (s instanceof Stmt.Return r) {
            return returnStatement(r, scope);
        } else if (s instanceof Stmt.Empty) {
            return new TStmt.Empty();
        }
        throw new IllegalStateException("unknown statement " + s);
    }

    /** The body of an if, else or loop: its own scope, as in C99. */
    private TStmt body(Stmt s, Scope scope) {
        return statement(s, scope.block());
    }

    private TStmt loopBody(Stmt s, Scope scope) {
        loops++;
        breakables++;
        try {
            return body(s, scope);
        } finally {
            loops--;
            breakables--;
        }
    }

    /** A while loop; one whose condition is constant false is dropped (Java rejects its unreachable body). */
    private TStmt whileStatement(Stmt.While w, Scope scope) {
        TExpr condition = exprs.value(w.condition(), scope);
        TStmt body = loopBody(w.body(), scope);
        return isFalse(condition) ? new TStmt.Empty() : new TStmt.While(condition, body);
    }

    private TStmt continueStatement(Stmt.Continue c) {
        if (loops == 0 && !elementLoop) {
            throw Diagnostics.syntax(c.at(), "'continue' outside a loop");
        }
        return new TStmt.Continue();
    }

    private static boolean isFalse(TExpr condition) {
        return condition instanceof TExpr.Constant c && !c.isTrue();
    }

    private TStmt forStatement(Stmt.For f, Scope scope) {
        TStmt init = null;
        if (f.init() instanceof Stmt.Declaration d) {
            init = new DeclarationTyper(exprs).declaration(d, scope);
        } else if (f.init() instanceof Stmt.ExprList list) {
            init = headerList(list, scope);
        }
        TExpr condition = f.condition() == null ? null : exprs.value(f.condition(), scope);
        TStmt.ExprList update = f.update() == null ? null : headerList(f.update(), scope);
        TStmt body = loopBody(f.body(), scope);
        if (condition != null && isFalse(condition)) {
            return init == null ? new TStmt.Empty() : new TStmt.Block(List.of(init));
        }
        return new TStmt.For(init, condition, update, body);
    }

    /** The init or update list of a for: side-effect-free items are dropped, the rest must be statements. */
    private TStmt.ExprList headerList(Stmt.ExprList list, Scope scope) {
        List<TExpr> out = new ArrayList<>();
        for (Expr e : list.expressions()) {
            TExpr t = StatementExpressions.strip(exprs.type(e, scope));
            if (StatementExpressions.isStatement(t)) {
                out.add(t);
            } else if (SideEffects.has(t)) {
                throw Diagnostics.unsupported(e.at(), "expression with side effects in a for header",
                        "use an assignment, ++, -- or a call");
            }
        }
        return new TStmt.ExprList(out);
    }

    private TStmt switchStatement(Stmt.Switch w, Scope scope) {
        TExpr selector = exprs.value(w.selector(), scope);
        if (selector.type() == CType.LONG) {
            throw Diagnostics.unsupported(w.at(), "switch on a 64-bit value", "cast the selector to int");
        }
        if (!selector.type().isIntegral()) {
            throw Diagnostics.syntax(w.selector().at(), "switch selector is not an integer ("
                    + selector.type().cName() + ")");
        }
        Scope body = scope.block();
        Set<Integer> seen = new HashSet<>();
        boolean hasDefault = false;
        List<TStmt.Group> groups = new ArrayList<>();
        breakables++;
        try {
            for (Stmt.SwitchGroup g : w.groups()) {
                List<Integer> labels = new ArrayList<>();
                for (int k = 0; k < g.labels().size(); k++) {
                    Integer label = label(g.labelTokens().get(k), g.labels().get(k), scope);
                    if (label == null ? hasDefault : !seen.add(label)) {
                        throw Diagnostics.syntax(g.labelTokens().get(k), label == null ? "multiple default labels"
                                : "duplicate case value " + label);
                    }
                    hasDefault |= label == null;
                    labels.add(label);
                }
                groups.add(new TStmt.Group(labels, statements(g.statements(), body)));
            }
        } finally {
            breakables--;
        }
        return new TStmt.Switch(Conversions.promote(selector), groups);
    }

    /** A case label's value, or {@code null} for default. */
    private Integer label(Token at, Expr value, Scope scope) {
        if (value == null) {
            return null;
        }
        TExpr t = exprs.value(value, scope);
        if (!(t instanceof TExpr.Constant c) || !t.type().isIntegral()) {
            throw Diagnostics.syntax(value.at(), "case label is not an integer constant");
        }
        return (Integer) ConstantFolder.convert(c, CType.INT).value();
    }

    private TStmt breakStatement(Stmt.Break b) {
        if (breakables == 0) {
            if (elementLoop) {
                throw Diagnostics.unsupported(b.at(), "break", "it would end this worker's element loop; "
                        + "use continue to skip an element");
            }
            throw Diagnostics.syntax(b.at(), "'break' outside a loop or switch");
        }
        return new TStmt.Break();
    }

    private TStmt returnStatement(Stmt.Return r, Scope scope) {
        if (function == null) {
            throw Diagnostics.unsupported(r.at(), "return", "return is only allowed in preamble functions");
        }
        if (function.returnType() == CType.VOID) {
            if (r.value() != null) {
                throw Diagnostics.syntax(r.at(), "void function '" + function.cName() + "' returns a value");
            }
            return new TStmt.Return(null);
        }
        if (r.value() == null) {
            throw Diagnostics.syntax(r.at(), "function '" + function.cName() + "' must return a "
                    + function.returnType().cName());
        }
        return new TStmt.Return(Conversions.convert(exprs.value(r.value(), scope), function.returnType()));
    }
}
