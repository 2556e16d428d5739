package org.jgpuarray.kernels.java;

import java.util.List;

/** Parsed, untyped statements of the snippet language. */
sealed interface Stmt {
    /** The statement's first token. */
    Token at();

    /** {@code type d1, d2 = init, t[4];} */
    record Declaration(Token at, TypeSpec type, List<Declarator> declarators) implements Stmt {
    }

    /**
     * One declared name.
     *
     * @param name      the name token
     * @param arraySize the constant size expression of a local array, or {@code null} for a scalar
     * @param init      the scalar initializer, or {@code null}
     * @param initList  the brace initializer of an array, or {@code null}
     */
    record Declarator(Token name, Expr arraySize, Expr init, List<Expr> initList) {
        boolean isArray() {
            return arraySize != null || initList != null;
        }
    }

    /** An expression followed by {@code ;}. */
    record ExprStmt(Token at, Expr expression) implements Stmt {
    }

    /** Comma-separated expressions in the init or update part of a {@code for}. */
    record ExprList(Token at, List<Expr> expressions) implements Stmt {
    }

    /** {@code { ... }} */
    record Block(Token at, List<Stmt> statements) implements Stmt {
    }

    /** {@code if (condition) then [else otherwise]}; {@code otherwise} may be {@code null}. */
    record If(Token at, Expr condition, Stmt then, Stmt otherwise) implements Stmt {
    }

    /** {@code while (condition) body} */
    record While(Token at, Expr condition, Stmt body) implements Stmt {
    }

    /** {@code do body while (condition);} */
    record DoWhile(Token at, Stmt body, Expr condition) implements Stmt {
    }

    /** {@code for (init; condition; update) body}; init and condition may be {@code null}. */
    record For(Token at, Stmt init, Expr condition, ExprList update, Stmt body) implements Stmt {
    }

    /** {@code switch (selector) { groups }} */
    record Switch(Token at, Expr selector, List<SwitchGroup> groups) implements Stmt {
    }

    /** Labels ({@code case v:} with a value, {@code default:} with {@code null}) followed by statements. */
    record SwitchGroup(List<Token> labelTokens, List<Expr> labels, List<Stmt> statements) {
    }

    /** {@code break;} */
    record Break(Token at) implements Stmt {
    }

    /** {@code continue;} */
    record Continue(Token at) implements Stmt {
    }

    /** {@code return [value];}; value may be {@code null}. */
    record Return(Token at, Expr value) implements Stmt {
    }

    /** {@code ;} */
    record Empty(Token at) implements Stmt {
    }
}
