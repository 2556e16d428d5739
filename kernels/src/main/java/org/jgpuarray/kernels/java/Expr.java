package org.jgpuarray.kernels.java;

import java.util.List;

/** Parsed, untyped expressions of the snippet language. {@link Typer} turns them into {@link TExpr}s. */
sealed interface Expr {
    /** The token errors about this expression point at. */
    Token at();

    /** An integer or floating literal token. */
    record Literal(Token at) implements Expr {
    }

    /** {@code true} or {@code false}. */
    record BoolLiteral(Token at, boolean value) implements Expr {
    }

    /** A variable, array or named constant. */
    record Name(Token at) implements Expr {
    }

    /** Prefix {@code + - ! ~}; {@code at} is the operator. */
    record Unary(Token at, Expr operand) implements Expr {
    }

    /** {@code ++x}, {@code x++}, {@code --x}, {@code x--}; {@code at} is the operator. */
    record IncDec(Token at, Expr target, boolean prefix) implements Expr {
    }

    /** A binary operator other than assignment; {@code at} is the operator. */
    record Binary(Token at, Expr left, Expr right) implements Expr {
    }

    /** {@code =} or a compound assignment; {@code at} is the operator. */
    record Assign(Token at, Expr target, Expr value) implements Expr {
    }

    /** {@code condition ? whenTrue : whenFalse}; {@code at} is the {@code ?}. */
    record Conditional(Token at, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
    }

    /** {@code (type) operand} or {@code type(operand)}; {@code at} is the first token. */
    record Cast(Token at, TypeSpec type, Expr operand) implements Expr {
    }

    /** {@code name(args)}; {@code at} is the name. */
    record Call(Token at, List<Expr> arguments) implements Expr {
    }

    /** {@code array[index]}; {@code at} is the {@code [}. */
    record Index(Token at, Expr array, Expr index) implements Expr {
    }

    /** {@code sizeof(type)}. */
    record SizeOf(Token at, TypeSpec type) implements Expr {
    }
}
