package org.jgpuarray.kernels.java;

/**
 * A named variable or array of a snippet, with the Java name the emitter uses for it. The typer sets the
 * assigned flag and the constant value while it runs; nothing changes afterwards.
 */
final class Symbol {
    /** Where the name comes from. */
    enum Kind {
        /** A local variable or local array of a snippet or helper function. */
        LOCAL,
        /** A helper function parameter. */
        PARAMETER,
        /** A kernel argument (array or scalar). */
        ARGUMENT,
        /** The element index {@code i}. */
        INDEX,
        /** The element count {@code n}. */
        COUNT,
        /** An operand {@code a} or {@code b} of a reduce or scan expression. */
        OPERAND,
        /** A {@code const} global of the preamble. */
        GLOBAL
    }

    private final String cName;
    private final String javaName;
    private final CType type;
    private final boolean array;
    private final Kind kind;
    private final boolean constant;
    private boolean assigned;
    private TExpr.Constant value;

    Symbol(String cName, String javaName, CType type, boolean array, Kind kind, boolean constant) {
        this.cName = cName;
        this.javaName = javaName;
        this.type = type;
        this.array = array;
        this.kind = kind;
        this.constant = constant;
    }

    String cName() {
        return cName;
    }

    String javaName() {
        return javaName;
    }

    /** The value type, or the element type of an array. */
    CType type() {
        return type;
    }

    boolean isArray() {
        return array;
    }

    Kind kind() {
        return kind;
    }

    /** Declared {@code const}. */
    boolean isConstant() {
        return constant;
    }

    /** True once the snippet assigns to the variable (kernel scalar arguments then lose their {@code final}). */
    boolean isAssigned() {
        return assigned;
    }

    void markAssigned() {
        assigned = true;
    }

    /** The value of a {@code const} scalar with a constant initializer, which uses fold to; else {@code null}. */
    TExpr.Constant constantValue() {
        return value;
    }

    void setConstantValue(TExpr.Constant constant) {
        value = constant;
    }
}
