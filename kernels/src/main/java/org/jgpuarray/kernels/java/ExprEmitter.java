package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes typed expressions as Java. C truth values become Java booleans and back ({@code x != 0},
 * {@code b ? 1 : 0}) where the two languages differ; array subscripts become {@code int} indices; every
 * conversion is an explicit cast. Stateless.
 */
final class ExprEmitter {
    private final String intIndex;

    /** @param intIndex the Java {@code int} variable holding the element index {@code i}, or {@code null} */
    ExprEmitter(String intIndex) {
        this.intIndex = intIndex;
    }

    /** {@code e} as a Java expression of the kind its C type has in variables. */
    JCode emit(TExpr e) {
        if (e instanceof TExpr.Constant c) {
            return JavaLiterals.of(c);
        } else if (e instanceof TExpr.Var v) {
            return new JCode(v.symbol().javaName(), JavaKind.of(v.type()), Precedence.PRIMARY);
        } else if (e instanceof TExpr.ArrayRef a) {
            return new JCode(a.symbol().javaName(), JavaKind.VOID, Precedence.PRIMARY);
        } else if (e instanceof TExpr.Element x) {
            return new JCode(x.array().javaName() + "[" + index(x.index()) + "]", JavaKind.element(x.type()),
                    Precedence.POSTFIX);
        } else if (e instanceof TExpr.Unary u) {
            return unary(u);
        } else if (e instanceof TExpr.Binary b) {
            return binary(b);
        } else if (e instanceof TExpr.Assign a) {
            return assign(a);
        } else if (e instanceof TExpr.IncDec d) {
            JCode target = emit(d.target());
            return d.prefix() ? new JCode(d.op() + target.text(), target.kind(), Precedence.UNARY)
                    : new JCode(target.text() + d.op(), target.kind(), Precedence.POSTFIX);
        } else if (e instanceof TExpr.Conditional c) {
            JavaKind kind = JavaKind.of(c.type());
            return new JCode(condition(c.condition()).at(Precedence.OR) + " ? "
                    + value(c.whenTrue(), kind).at(Precedence.OR) + " : "
                    + value(c.whenFalse(), kind).at(Precedence.CONDITIONAL), kind, Precedence.CONDITIONAL);
        } else if (e instanceof TExpr.Convert c) {
            return c.type() == CType.VOID ? emit(c.operand()) : coerce(emit(c.operand()), JavaKind.of(c.type()));
        } else if (e instanceof TExpr.Call c) {
            return call(c);
        } else if (e instanceof TExpr.MathCall m) {
            return MathEmitter.call(m, this);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    /**
     * {@code e} as a Java expression statement (without the semicolon). Compound assignments keep their
     * operator here; in value context {@link #emit} spells them out, because Janino 3.1.12 miscompiles the
     * value of {@code x += y}.
     */
    String statement(TExpr e) {
        if (e instanceof TExpr.Assign a && !a.op().equals("=")) {
            JCode target = emit(a.target());
            return target.text() + " " + a.op() + " " + value(a.value(), JavaKind.of(a.value().type())).text();
        }
        return emit(e).text();
    }

    /** {@code e} as a Java expression of exactly {@code kind}. */
    JCode value(TExpr e, JavaKind kind) {
        return coerce(emit(e), kind);
    }

    /** {@code e} as a Java boolean: C's "nonzero is true". Constants become {@code true} or {@code false}. */
    JCode condition(TExpr e) {
        if (e instanceof TExpr.Constant c) {
            return new JCode(Boolean.toString(c.isTrue()), JavaKind.BOOLEAN, Precedence.PRIMARY);
        }
        return coerce(emit(e), JavaKind.BOOLEAN);
    }

    /** Converts emitted code to another Java kind with C's meaning (nonzero is true; true is 1). */
    static JCode coerce(JCode c, JavaKind to) {
        if (c.kind() == to || to == JavaKind.VOID) {
            return c;
        }
        if (to == JavaKind.BOOLEAN) {
            return new JCode(c.at(Precedence.RELATIONAL) + " != 0", JavaKind.BOOLEAN, Precedence.EQUALITY);
        }
        if (c.kind() == JavaKind.BOOLEAN) {
            String choice = c.at(Precedence.OR) + " ? " + JavaLiterals.one(to) + " : " + JavaLiterals.zero(to);
            return to == JavaKind.BYTE ? new JCode("(byte) (" + choice + ")", to, Precedence.UNARY)
                    : new JCode(choice, to, Precedence.CONDITIONAL);
        }
        return new JCode("(" + to.javaName() + ") " + c.at(Precedence.UNARY), to, Precedence.UNARY);
    }

    private String index(TExpr index) {
        if (intIndex != null && index instanceof TExpr.Var v && v.symbol().kind() == Symbol.Kind.INDEX) {
            return intIndex;
        }
        JCode code = emit(index);
        return code.kind() == JavaKind.LONG ? "(int) " + code.at(Precedence.UNARY) : coerce(code, JavaKind.INT).text();
    }

    private JCode unary(TExpr.Unary u) {
        JCode operand = emit(u.operand());
        if (u.op().equals("!")) {
            return operand.kind() == JavaKind.BOOLEAN
                    ? new JCode("!" + operand.at(Precedence.UNARY), JavaKind.BOOLEAN, Precedence.UNARY)
                    : new JCode(operand.at(Precedence.RELATIONAL) + " == 0", JavaKind.BOOLEAN, Precedence.EQUALITY);
        }
        JavaKind kind = JavaKind.of(u.type());
        String text = coerce(operand, kind).at(Precedence.UNARY);
        if (text.startsWith(u.op())) {
            text = "(" + text + ")";
        }
        return new JCode(u.op() + text, kind, Precedence.UNARY);
    }

    private JCode binary(TExpr.Binary b) {
        int p = Precedence.of(b.op());
        if (b.isLogical()) {
            return new JCode(condition(b.left()).at(p) + " " + b.op() + " " + condition(b.right()).at(p + 1),
                    JavaKind.BOOLEAN, p);
        }
        JavaKind operands = JavaKind.of(b.isComparison() ? b.left().type() : b.type());
        JCode left = value(b.left(), operands);
        JCode right = b.op().equals("<<") || b.op().equals(">>")
                ? value(b.right(), JavaKind.of(b.right().type())) : value(b.right(), operands);
        JavaKind kind = b.isComparison() ? JavaKind.BOOLEAN : operands;
        return new JCode(left.at(p) + " " + b.op() + " " + right.at(p + 1), kind, p);
    }

    /** An assignment as a value; {@code t op= v} becomes {@code t = (T) (t op v)} (the typer made {@code t} pure). */
    private JCode assign(TExpr.Assign a) {
        JCode target = emit(a.target());
        JCode value;
        if (a.op().equals("=")) {
            value = value(a.value(), target.kind());
        } else {
            String op = a.op().substring(0, a.op().length() - 1);
            boolean shift = op.equals("<<") || op.equals(">>");
            JavaKind operands = JavaKind.of(shift ? a.target().type()
                    : CType.common(a.target().type(), a.value().type()));
            int p = Precedence.of(op);
            JCode right = value(a.value(), shift ? JavaKind.of(a.value().type()) : operands);
            value = coerce(new JCode(coerce(target, operands).at(p) + " " + op + " " + right.at(p + 1), operands, p),
                    target.kind());
        }
        return new JCode(target.text() + " = " + value.at(Precedence.ASSIGNMENT), target.kind(), Precedence.ASSIGNMENT);
    }

    private JCode call(TExpr.Call c) {
        List<String> args = new ArrayList<>();
        for (int k = 0; k < c.arguments().size(); k++) {
            FunctionSig.Parameter p = c.function().parameters().get(k);
            TExpr arg = c.arguments().get(k);
            args.add(p.array() ? emit(arg).text() : value(arg, JavaKind.of(p.type())).text());
        }
        return new JCode(c.function().javaName() + "(" + String.join(", ", args) + ")",
                JavaKind.of(c.type()), Precedence.PRIMARY);
    }
}
