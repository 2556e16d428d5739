package org.jgpuarray.kernels.java;

/**
 * Types binary operators and assignments: operand checks (no {@code %} or bitwise operators on floating
 * values, no pointer arithmetic), the usual arithmetic conversions, and C's implicit conversion of an
 * assigned value to the target's type.
 */
final class BinaryTyper {
    private final ExprTyper exprs;

    BinaryTyper(ExprTyper exprs) {
        this.exprs = exprs;
    }

    /** {@code left op right} for a binary operator token {@code op}. */
    TExpr binary(Token op, Expr left, Expr right, Scope scope) {
        String o = op.text();
        if ((o.equals("+") || o.equals("-")) && (isArrayName(left, scope) || isArrayName(right, scope))) {
            throw Diagnostics.unsupported(op, "pointer arithmetic", "index the array instead");
        }
        return combine(op, o, exprs.value(left, scope), exprs.value(right, scope));
    }

    private static boolean isArrayName(Expr e, Scope scope) {
        if (e instanceof Expr.Name n) {
            Symbol s = scope.lookup(n.at().text());
            return s != null && s.isArray();
        }
        return false;
    }

    /** Applies operator {@code o} (written at {@code at}) to typed operands. */
    TExpr combine(Token at, String o, TExpr l, TExpr r) {
        switch (o) {
            case "&&", "||" -> {
                return ConstantFolder.binary(o, l, r, CType.INT);
            }
            case "<", "<=", ">", ">=", "==", "!=" -> {
                CType common = CType.common(l.type(), r.type());
                return ConstantFolder.binary(o, Conversions.convert(l, common), Conversions.convert(r, common),
                        CType.INT);
            }
            case "<<", ">>" -> {
                requireIntegral(at, o, l, r);
                TExpr left = Conversions.promote(l);
                return ConstantFolder.binary(o, left, Conversions.promote(r), left.type());
            }
            case "%", "&", "|", "^" -> {
                requireIntegral(at, o, l, r);
                return arithmetic(o, l, r);
            }
            case "+", "-", "*", "/" -> {
                return arithmetic(o, l, r);
            }
            default -> throw Diagnostics.syntax(at, "unknown operator '" + o + "'");
        }
    }

    private static TExpr arithmetic(String o, TExpr l, TExpr r) {
        CType common = CType.common(l.type(), r.type());
        return ConstantFolder.binary(o, Conversions.convert(l, common), Conversions.convert(r, common), common);
    }

    private static void requireIntegral(Token at, String o, TExpr l, TExpr r) {
        if (!l.type().isIntegral() || !r.type().isIntegral()) {
            throw Diagnostics.syntax(at, "invalid operands to '" + o + "' (" + l.type().cName() + " and "
                    + r.type().cName() + "); it needs integers");
        }
    }

    /** {@code target = value} or a compound assignment. */
    TExpr assign(Expr.Assign a, Scope scope) {
        String o = a.at().text();
        TExpr target = exprs.lvalue(a.target(), a.at(), scope);
        TExpr value = exprs.value(a.value(), scope);
        if (o.equals("=")) {
            return new TExpr.Assign("=", target, Conversions.convert(value, target.type()));
        }
        String base = o.substring(0, o.length() - 1);
        TExpr result = combine(a.at(), base, target, value);
        if (SideEffects.has(target)) {
            throw Diagnostics.unsupported(a.at(), o + " on an element whose subscript has side effects");
        }
        if (target.type() != CType.BOOL) {
            return new TExpr.Assign(o, target, Conversions.promote(value));
        }
        return new TExpr.Assign("=", target, Conversions.convert(result, CType.BOOL));
    }
}
