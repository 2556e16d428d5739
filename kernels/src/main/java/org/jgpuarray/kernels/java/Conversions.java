package org.jgpuarray.kernels.java;

/** C's conversions between value types, made explicit in the typed tree (folded for constants). */
final class Conversions {
    private Conversions() {
    }

    /** {@code e} converted to {@code to}: {@code e} itself when it already has that type. */
    static TExpr convert(TExpr e, CType to) {
        if (e.type() == to) {
            return e;
        }
        if (e instanceof TExpr.Constant c) {
            return ConstantFolder.convert(c, to);
        }
        return new TExpr.Convert(e, to);
    }

    /** {@code e} after C's integer promotion (bool to int). */
    static TExpr promote(TExpr e) {
        return convert(e, e.type().promoted());
    }
}
