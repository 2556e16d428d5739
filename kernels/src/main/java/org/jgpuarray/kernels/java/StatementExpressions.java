package org.jgpuarray.kernels.java;

/** Which typed expressions Java accepts as statements: assignments, {@code ++}/{@code --} and method calls. */
final class StatementExpressions {
    private StatementExpressions() {
    }

    /** {@code e} without {@code (void)} casts. */
    static TExpr strip(TExpr e) {
        while (e instanceof TExpr.Convert c && c.type() == CType.VOID) {
            e = c.operand();
        }
        return e;
    }

    /** True when Java accepts {@code e;} as a statement (and its value, if any, is discarded). */
    static boolean isStatement(TExpr e) {
        return e instanceof TExpr.Assign || e instanceof TExpr.IncDec || e instanceof TExpr.Call;
    }
}
