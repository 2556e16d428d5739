package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/** Writes math library calls as calls of {@link Math} or {@link CMath} methods. */
final class MathEmitter {
    private MathEmitter() {
    }

    /** The Java call of {@code m}; float results without a float overload are computed in double and rounded. */
    static JCode call(TExpr.MathCall m, ExprEmitter emitter) {
        MathFunction f = m.function();
        JavaKind operand = JavaKind.of(m.operandType());
        List<String> args = new ArrayList<>();
        for (TExpr a : m.arguments()) {
            args.add(emitter.value(a, operand).text());
        }
        String method = m.operandType().isInteger() ? f.integerMethod() : f.method();
        String call = method + "(" + String.join(", ", args) + ")";
        if (f.shape() == MathFunction.Shape.PREDICATE) {
            return new JCode(call, JavaKind.BOOLEAN, Precedence.PRIMARY);
        }
        if (m.operandType() == CType.FLOAT && !f.floatOverload()) {
            return new JCode("(float) " + call, JavaKind.FLOAT, Precedence.UNARY);
        }
        return new JCode(call, JavaKind.of(m.type()), Precedence.PRIMARY);
    }
}
