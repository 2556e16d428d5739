package org.jgpuarray.kernels.java;

import java.util.List;

/** Typed statements, ready for the Java emitter. Statements C can never reach have been dropped. */
sealed interface TStmt {
    /** Declarations of one C declaration statement. */
    record Declare(List<Declarator> declarators) implements TStmt {
    }

    /**
     * One declared variable or local array.
     *
     * @param symbol   the variable
     * @param init     the scalar initializer converted to the variable's type, or {@code null} (zero)
     * @param size     the array length, or -1 for a scalar
     * @param initList the array initializer converted to the element type, or {@code null} (zeros)
     */
    record Declarator(Symbol symbol, TExpr init, int size, List<TExpr> initList) {
    }

    /** An expression evaluated for its effects. */
    record ExprStmt(TExpr expression) implements TStmt {
    }

    /** The init or update expressions of a {@code for}. */
    record ExprList(List<TExpr> expressions) implements TStmt {
    }

    record Block(List<TStmt> statements) implements TStmt {
    }

    /** {@code otherwise} may be {@code null}. */
    record If(TExpr condition, TStmt then, TStmt otherwise) implements TStmt {
    }

    record While(TExpr condition, TStmt body) implements TStmt {
    }

    record DoWhile(TStmt body, TExpr condition) implements TStmt {
    }

    /** {@code init} (a Declare or ExprList), {@code condition} and {@code update} may be {@code null}. */
    record For(TStmt init, TExpr condition, ExprList update, TStmt body) implements TStmt {
    }

    /** A switch on an INT selector. */
    record Switch(TExpr selector, List<Group> groups) implements TStmt {
    }

    /**
     * Case labels (a {@code null} label is {@code default}) and the statements after them.
     *
     * @param labels     the label values
     * @param statements the statements
     */
    record Group(List<Integer> labels, List<TStmt> statements) {
    }

    record Break() implements TStmt {
    }

    record Continue() implements TStmt {
    }

    /** {@code value} is {@code null} in void functions; otherwise converted to the return type. */
    record Return(TExpr value) implements TStmt {
    }

    record Empty() implements TStmt {
    }
}
