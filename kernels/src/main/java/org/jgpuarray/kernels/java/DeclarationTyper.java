package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Types declarations: each declarator's initializer is converted to the declared type (C's implicit
 * narrowing included), local arrays get a constant size, and the name enters the scope after its
 * initializer.
 */
final class DeclarationTyper {
    private final ExprTyper exprs;

    DeclarationTyper(ExprTyper exprs) {
        this.exprs = exprs;
    }

    /** Types {@code d}, declaring its names in {@code scope} (as locals, or globals in a class scope). */
    TStmt.Declare declaration(Stmt.Declaration d, Scope scope) {
        return declaration(d, scope, Symbol.Kind.LOCAL);
    }

    /** Types {@code d}, declaring its names with the given kind. */
    TStmt.Declare declaration(Stmt.Declaration d, Scope scope, Symbol.Kind kind) {
        CType type = d.type().type();
        boolean constant = d.type().constant();
        List<TStmt.Declarator> out = new ArrayList<>();
        for (Stmt.Declarator v : d.declarators()) {
            if (!v.isArray()) {
                TExpr init = v.init() == null ? null : Conversions.convert(exprs.value(v.init(), scope), type);
                if (kind == Symbol.Kind.GLOBAL) {
                    requireStaticInitializer(v.name(), v.init(), init);
                }
                Symbol s = scope.declare(v.name(), type, false, kind, constant);
                if (constant && init instanceof TExpr.Constant c) {
                    s.setConstantValue(c);
                }
                out.add(new TStmt.Declarator(s, init, -1, null));
                continue;
            }
            int size = v.arraySize() == null ? -1 : size(v.arraySize(), scope);
            List<TExpr> values = null;
            if (v.initList() != null) {
                values = new ArrayList<>();
                for (Expr e : v.initList()) {
                    values.add(Conversions.convert(exprs.value(e, scope), type));
                    if (kind == Symbol.Kind.GLOBAL) {
                        requireStaticInitializer(v.name(), e, values.get(values.size() - 1));
                    }
                }
                if (size >= 0 && values.size() > size) {
                    throw Diagnostics.syntax(v.name(), "too many initializers for '" + v.name().text() + "["
                            + size + "]'");
                }
                size = Math.max(size, values.size());
                if (size == 0) {
                    throw Diagnostics.syntax(v.name(), "array '" + v.name().text() + "' has no elements");
                }
            }
            out.add(new TStmt.Declarator(scope.declare(v.name(), type, true, kind, constant), null, size, values));
        }
        return new TStmt.Declare(out);
    }

    /**
     * A const global needs a constant initializer, as C requires of every static object, and a finite one:
     * OpenCL C folds only constant expressions into {@code __constant} memory, and NVRTC cannot initialize a
     * device variable with an infinity or a NaN (it calls them dynamic initialization).
     */
    private static void requireStaticInitializer(Token name, Expr written, TExpr init) {
        if (!(init instanceof TExpr.Constant c)) {
            throw Diagnostics.unsupported(written.at(), "non-constant initializer of const global '" + name.text() + "'",
                    "a global's initializer must be a constant expression");
        }
        if (c.value() instanceof Number v && !Double.isFinite(v.doubleValue())) {
            throw Diagnostics.unsupported(written.at(), "non-finite initializer of const global '" + name.text() + "'",
                    "NVRTC cannot initialize a device variable with infinity or NaN; #define the value instead");
        }
    }

    private int size(Expr e, Scope scope) {
        TExpr t = exprs.value(e, scope);
        if (!(t instanceof TExpr.Constant c) || !t.type().isIntegral()) {
            throw Diagnostics.unsupported(e.at(), "variable-length array", "the size must be an integer constant");
        }
        long size = ((Number) ConstantFolder.convert(c, CType.LONG).value()).longValue();
        if (size <= 0 || size > Integer.MAX_VALUE - 8) {
            throw Diagnostics.syntax(e.at(), "array size " + size + " is not positive or too large");
        }
        return (int) size;
    }
}
