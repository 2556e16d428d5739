package org.jgpuarray.kernels.java;

/**
 * The Java Language Specification's "can complete normally" analysis (JLS 14.22) of typed statements.
 * C allows statements Java calls unreachable; the typer drops them (C never runs them either), and a
 * non-void helper function whose body can complete normally gets a trailing {@code throw} where C would
 * have undefined behaviour. Constant conditions are exactly the folded {@link TExpr.Constant}s.
 */
final class Reachability {
    private Reachability() {
    }

    /** True when execution can continue after {@code s}. */
    static boolean canComplete(TStmt s) {
        if (s instanceof TStmt.Block b) {
            return b.statements().stream().allMatch(Reachability::canComplete);
        } else if (s instanceof TStmt.If i) {
            return i.otherwise() == null || canComplete(i.then()) || canComplete(i.otherwise());
        } else if (s instanceof TStmt.While w) {
            return !isTrue(w.condition()) || hasBreak(w.body());
        } else if (s instanceof TStmt.DoWhile d) {
            return (canComplete(d.body()) || hasContinue(d.body())) && !isTrue(d.condition()) || hasBreak(d.body());
        } else if (s instanceof TStmt.For f) {
            return f.condition() != null && !isTrue(f.condition()) || hasBreak(f.body());
        } else if (s instanceof TStmt.Switch w) {
            return switchCanComplete(w);
        } else {
            return !(s instanceof TStmt.Break || s instanceof TStmt.Continue || s instanceof TStmt.Return);
        }
    }

    private static boolean switchCanComplete(TStmt.Switch w) {
        if (w.groups().isEmpty()) {
            return true;
        }
        TStmt.Group last = w.groups().get(w.groups().size() - 1);
        boolean hasDefault = w.groups().stream().anyMatch(g -> g.labels().contains(null));
        boolean anyBreak = w.groups().stream()
                .anyMatch(g -> g.statements().stream().anyMatch(Reachability::hasBreak));
        return last.statements().stream().allMatch(Reachability::canComplete) || !hasDefault || anyBreak;
    }

    private static boolean isTrue(TExpr condition) {
        return condition instanceof TExpr.Constant c && c.isTrue();
    }

    /** True when {@code s} contains a {@code break} that leaves the statement enclosing {@code s}. */
    static boolean hasBreak(TStmt s) {
        if (s instanceof TStmt.Break) {
            return true;
        } else if (s instanceof TStmt.Block b) {
            return b.statements().stream().anyMatch(Reachability::hasBreak);
        } else if (s instanceof TStmt.If i) {
            return hasBreak(i.then()) || i.otherwise() != null && hasBreak(i.otherwise());
        }
        return false;
    }

    /** True when {@code s} contains a {@code continue} of the loop enclosing {@code s}. */
    static boolean hasContinue(TStmt s) {
        if (s instanceof TStmt.Continue) {
            return true;
        } else if (s instanceof TStmt.Block b) {
            return b.statements().stream().anyMatch(Reachability::hasContinue);
        } else if (s instanceof TStmt.If i) {
            return hasContinue(i.then()) || i.otherwise() != null && hasContinue(i.otherwise());
        } else if (s instanceof TStmt.Switch w) {
            return w.groups().stream().anyMatch(g -> g.statements().stream().anyMatch(Reachability::hasContinue));
        }
        return false;
    }
}
