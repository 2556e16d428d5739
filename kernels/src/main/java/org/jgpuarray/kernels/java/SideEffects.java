package org.jgpuarray.kernels.java;

/** Whether evaluating a typed expression can change state: assignments, ++/-- and helper function calls. */
final class SideEffects {
    private SideEffects() {
    }

    /** True when evaluating {@code e} may modify a variable or array. */
    static boolean has(TExpr e) {
        if (e instanceof TExpr.Assign || e instanceof TExpr.IncDec || e instanceof TExpr.Call) {
            return true;
        } else if (e instanceof TExpr.Element x) {
            return has(x.index());
        } else if (e instanceof TExpr.Unary u) {
            return has(u.operand());
        } else if (e instanceof TExpr.Binary b) {
            return has(b.left()) || has(b.right());
        } else if (e instanceof TExpr.Conditional c) {
            return has(c.condition()) || has(c.whenTrue()) || has(c.whenFalse());
        } else if (e instanceof TExpr.Convert c) {
            return has(c.operand());
        } else if (e instanceof TExpr.MathCall m) {
            return m.arguments().stream().anyMatch(SideEffects::has);
        }
        return false;
    }
}
