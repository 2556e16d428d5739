package org.jgpuarray.kernels.java;

import java.util.List;

/**
 * Typed expressions: every node knows its C type, identifiers are resolved to symbols, calls to functions,
 * and C's implicit conversions are explicit {@link Convert} nodes. Operations on constants are folded.
 */
sealed interface TExpr {
    /** The C type of the value ({@code VOID} for void calls and {@code (void)} casts). */
    CType type();

    /**
     * A constant: a Boolean for BOOL, an Integer, Long, Float or Double otherwise.
     *
     * @param value the value
     * @param type  its type
     */
    record Constant(Object value, CType type) implements TExpr {
        /** C truth: nonzero (NaN included) is true. */
        boolean isTrue() {
            if (value instanceof Boolean b) {
                return b;
            }
            return ((Number) value).doubleValue() != 0;
        }
    }

    /** A scalar variable. */
    record Var(Symbol symbol) implements TExpr {
        @Override
        public CType type() {
            return symbol.type();
        }
    }

    /** An array named as a function argument. */
    record ArrayRef(Symbol symbol) implements TExpr {
        @Override
        public CType type() {
            return symbol.type();
        }
    }

    /** {@code array[index]}; the index has an integral type. */
    record Element(Symbol array, TExpr index) implements TExpr {
        @Override
        public CType type() {
            return array.type();
        }
    }

    /** Prefix {@code - + ~ !}. For {@code !} the type is INT and the operand any arithmetic type. */
    record Unary(String op, TExpr operand, CType type) implements TExpr {
    }

    /**
     * A binary operator. Arithmetic and bitwise operands have been converted to {@code type}; comparison
     * operands to their common type (the result is INT); shift operands are promoted separately;
     * {@code &&} and {@code ||} take any arithmetic operands and give INT.
     */
    record Binary(String op, TExpr left, TExpr right, CType type) implements TExpr {
        boolean isComparison() {
            return switch (op) {
                case "<", "<=", ">", ">=", "==", "!=" -> true;
                default -> false;
            };
        }

        boolean isLogical() {
            return op.equals("&&") || op.equals("||");
        }
    }

    /**
     * {@code target op value}: for {@code =} the value has the target's type; for a compound assignment it
     * keeps its own (promoted) type, and the conversion back to the target's type is C's (and Java's). Bool
     * targets never take compound operators (the typer rewrites them), and compound targets have no side
     * effects, so the emitter may spell {@code t op= v} out as {@code t = (T) (t op v)}.
     */
    record Assign(String op, TExpr target, TExpr value) implements TExpr {
        @Override
        public CType type() {
            return target.type();
        }
    }

    /** {@code ++x}, {@code x--}, ... on an integer or floating target. */
    record IncDec(String op, boolean prefix, TExpr target) implements TExpr {
        @Override
        public CType type() {
            return target.type();
        }
    }

    /** {@code condition ? whenTrue : whenFalse}; both arms have been converted to {@code type}. */
    record Conditional(TExpr condition, TExpr whenTrue, TExpr whenFalse, CType type) implements TExpr {
    }

    /** A C conversion (cast or implicit) of {@code operand} to {@code type}; to BOOL means "!= 0". */
    record Convert(TExpr operand, CType type) implements TExpr {
    }

    /** A call of a preamble function; scalar arguments have the parameter types, arrays are {@link ArrayRef}s. */
    record Call(FunctionSig function, List<TExpr> arguments) implements TExpr {
        @Override
        public CType type() {
            return function.returnType();
        }
    }

    /** A math library call; the arguments have been converted to {@code operandType}. */
    record MathCall(MathFunction function, CType operandType, List<TExpr> arguments, CType type) implements TExpr {
    }
}
