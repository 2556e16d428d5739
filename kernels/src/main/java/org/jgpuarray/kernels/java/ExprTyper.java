package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Types expressions with C's rules: resolves names and calls, applies the integer promotions and usual
 * arithmetic conversions, and makes implicit conversions explicit. Errors name the construct and its
 * column. Stateless apart from the function table it is given.
 */
final class ExprTyper {
    private final Map<String, FunctionSig> functions;

    /** @param functions the preamble's helper functions by C name */
    ExprTyper(Map<String, FunctionSig> functions) {
        this.functions = functions;
    }

    /** The typed form of {@code e} in {@code scope}; its type is never VOID unless {@code e} is a void call or cast. */
    TExpr type(Expr e, Scope scope) {
        if (e instanceof Expr.Literal l) {
            return l.at().kind() == Token.Kind.INT_LITERAL ? Literals.integer(l.at()) : Literals.floating(l.at());
        } else if (e instanceof Expr.BoolLiteral b) {
            return new TExpr.Constant(b.value(), CType.BOOL);
        } else if (e instanceof Expr.Name n) {
            return name(n, scope);
        } else if (e instanceof Expr.Unary u) {
            return unary(u, scope);
        } else if (e instanceof Expr.IncDec d) {
            return incDec(d, scope);
        } else if (e instanceof Expr.Binary b) {
            return new BinaryTyper(this).binary(b.at(), b.left(), b.right(), scope);
        } else if (e instanceof Expr.Assign a) {
            return new BinaryTyper(this).assign(a, scope);
        } else if (e instanceof Expr.Conditional c) {
            return conditional(c, scope);
        } else if (e instanceof Expr.Cast c) {
            return cast(c, scope);
        } else if (e instanceof Expr.Call c) {
            return call(c, scope);
        } else if (e instanceof Expr.Index i) {
            return index(i, scope);
        } else if (e instanceof Expr.SizeOf s) {
            return sizeOf(s);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    /** Types {@code e} and requires a value (bool, integer or floating), not void. */
    TExpr value(Expr e, Scope scope) {
        TExpr t = type(e, scope);
        if (t.type() == CType.VOID) {
            throw Diagnostics.syntax(e.at(), "void value used in an expression");
        }
        return t;
    }

    private TExpr name(Expr.Name n, Scope scope) {
        String name = n.at().text();
        Symbol s = scope.lookup(name);
        if (s != null) {
            if (s.isArray()) {
                throw Diagnostics.unsupported(n.at(), "array value", "'" + name
                        + "' is an array; index it, as in " + name + "[i]");
            }
            return s.constantValue() != null ? s.constantValue() : new TExpr.Var(s);
        }
        TExpr.Constant c = MathLibrary.constant(name);
        if (c != null) {
            return c;
        }
        if (functions.containsKey(name) || MathLibrary.isFunction(name)) {
            throw Diagnostics.syntax(n.at(), "function '" + name + "' used as a value");
        }
        if (Keywords.GPU_BUILTINS.contains(name)) {
            throw Diagnostics.gpuBuiltin(n.at());
        }
        throw Diagnostics.error(n.at(), "unknown identifier '" + name + "'", name);
    }

    private TExpr unary(Expr.Unary u, Scope scope) {
        TExpr operand = value(u.operand(), scope);
        String op = u.at().text();
        if (op.equals("!")) {
            return ConstantFolder.unary("!", operand, CType.INT);
        }
        if (op.equals("~") && !operand.type().isIntegral()) {
            throw Diagnostics.syntax(u.at(), "invalid operand to '~' (" + operand.type().cName() + ")");
        }
        TExpr promoted = Conversions.promote(operand);
        return ConstantFolder.unary(op, promoted, promoted.type());
    }

    private TExpr incDec(Expr.IncDec d, Scope scope) {
        TExpr target = lvalue(d.target(), d.at(), scope);
        if (target.type() == CType.BOOL) {
            throw Diagnostics.unsupported(d.at(), d.at().text() + " on bool");
        }
        return new TExpr.IncDec(d.at().text(), d.prefix(), target);
    }

    /**
     * Types an assignable expression (a variable or an array element) and marks it assigned.
     *
     * @param operator the assignment or {@code ++}/{@code --} operator, where "not assignable" points
     */
    TExpr lvalue(Expr e, Token operator, Scope scope) {
        TExpr t = type(e, scope);
        if (t instanceof TExpr.Var v) {
            Symbol s = v.symbol();
            if (s.kind() == Symbol.Kind.INDEX || s.kind() == Symbol.Kind.COUNT) {
                throw Diagnostics.syntax(e.at(), "cannot assign to '" + s.cName() + "', which the kernel defines");
            }
            if (s.isConstant()) {
                throw Diagnostics.syntax(e.at(), "cannot assign to const '" + s.cName() + "'");
            }
            s.markAssigned();
            return t;
        }
        if (t instanceof TExpr.Element x) {
            if (x.array().isConstant()) {
                throw Diagnostics.syntax(e.at(), "cannot assign to an element of const array '"
                        + x.array().cName() + "'");
            }
            return t;
        }
        throw Diagnostics.syntax(operator, "expression is not assignable");
    }

    private TExpr conditional(Expr.Conditional c, Scope scope) {
        TExpr condition = value(c.condition(), scope);
        if (condition.type().isFloating()) {
            throw Diagnostics.unsupported(c.at(), condition.type().cName() + " condition of '?:'",
                    "OpenCL C requires an integer or bool condition; compare it, as in x != 0 ? a : b");
        }
        TExpr whenTrue = value(c.whenTrue(), scope);
        TExpr whenFalse = value(c.whenFalse(), scope);
        CType type = whenTrue.type() == CType.BOOL && whenFalse.type() == CType.BOOL
                ? CType.BOOL : CType.common(whenTrue.type(), whenFalse.type());
        return ConstantFolder.conditional(condition, Conversions.convert(whenTrue, type),
                Conversions.convert(whenFalse, type), type);
    }

    private TExpr cast(Expr.Cast c, Scope scope) {
        if (c.type().type() == CType.VOID) {
            TExpr operand = type(c.operand(), scope);
            return operand.type() == CType.VOID ? operand : new TExpr.Convert(operand, CType.VOID);
        }
        return Conversions.convert(value(c.operand(), scope), c.type().type());
    }

    private TExpr call(Expr.Call c, Scope scope) {
        String name = c.at().text();
        FunctionSig f = functions.get(name);
        if (f != null) {
            return userCall(c, f, scope);
        }
        if (MathLibrary.isFunction(name)) {
            List<TExpr> args = new ArrayList<>();
            for (Expr a : c.arguments()) {
                args.add(value(a, scope));
            }
            return MathLibrary.call(c.at(), args);
        }
        if (Keywords.GPU_BUILTINS.contains(name)) {
            throw Diagnostics.gpuBuiltin(c.at());
        }
        if (scope.lookup(name) != null) {
            throw Diagnostics.syntax(c.at(), "'" + name + "' is a variable, not a function");
        }
        throw Diagnostics.error(c.at(), "unknown function '" + name + "'", name);
    }

    private TExpr userCall(Expr.Call c, FunctionSig f, Scope scope) {
        List<FunctionSig.Parameter> params = f.parameters();
        if (params.size() != c.arguments().size()) {
            throw Diagnostics.syntax(c.at(), "'" + f.cName() + "' takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + ", got " + c.arguments().size());
        }
        List<TExpr> args = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            FunctionSig.Parameter p = params.get(k);
            Expr a = c.arguments().get(k);
            if (p.array()) {
                args.add(arrayArgument(a, p, k + 1, f, scope));
            } else {
                args.add(Conversions.convert(value(a, scope), p.type()));
            }
        }
        return new TExpr.Call(f, args);
    }

    private TExpr arrayArgument(Expr a, FunctionSig.Parameter p, int position, FunctionSig f, Scope scope) {
        Symbol s = a instanceof Expr.Name n ? scope.lookup(n.at().text()) : null;
        if (s == null || !s.isArray()) {
            throw Diagnostics.unsupported(a.at(), "pointer argument", "argument " + position + " of '"
                    + f.cName() + "' must name a " + p.type().cName() + " array");
        }
        if (s.type() != p.type()) {
            throw Diagnostics.syntax(a.at(), "argument " + position + " of '" + f.cName() + "' must be a "
                    + p.type().cName() + " array, not a " + s.type().cName() + " array");
        }
        if (s.kind() != Symbol.Kind.ARGUMENT && s.kind() != Symbol.Kind.PARAMETER) {
            throw Diagnostics.unsupported(a.at(), "local array argument", "argument " + position + " of '"
                    + f.cName() + "' must be a kernel array: in OpenCL C helper array parameters point to global "
                    + "memory, where local and const arrays are not");
        }
        return new TExpr.ArrayRef(s);
    }

    private TExpr index(Expr.Index i, Scope scope) {
        if (!(i.array() instanceof Expr.Name n)) {
            throw Diagnostics.unsupported(i.at(), "subscript of an expression", "only named arrays can be indexed");
        }
        Symbol s = scope.lookup(n.at().text());
        if (s == null) {
            name(n, scope);
        }
        if (s == null || !s.isArray()) {
            throw Diagnostics.syntax(i.at(), "'" + n.at().text() + "' is not an array");
        }
        TExpr index = value(i.index(), scope);
        if (!index.type().isIntegral()) {
            throw Diagnostics.syntax(i.index().at(), "array subscript is not an integer ("
                    + index.type().cName() + ")");
        }
        return new TExpr.Element(s, Conversions.promote(index));
    }

    private static TExpr sizeOf(Expr.SizeOf s) {
        long bytes = switch (s.type().type()) {
            case BOOL -> 1;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            case VOID -> throw Diagnostics.syntax(s.at(), "sizeof(void)");
        };
        return new TExpr.Constant(bytes, CType.LONG);
    }
}
