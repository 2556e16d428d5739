package org.jgpuarray;


/** The binary elementwise operations of {@code GPUArray}, with NumPy's result-type rules. */
enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, LT, LE, GT, GE, EQ, NE;

    /** True for the comparisons, which return BOOL. */
    public boolean isComparison() {
        return ordinal() >= LT.ordinal();
    }

    /**
     * The type the operands are converted to before the operation, given the promoted type of the
     * operands (NumPy's rules, NEP 50 for scalars): true division computes in floating point.
     *
     * @throws IllegalArgumentException for operations NumPy refuses on bool (subtract, negative powers of bool)
     */
    public DType computeType(DType promoted) {
        if (promoted == DType.BOOL && (this == SUB || this == POW)) {
            throw new IllegalArgumentException(name().toLowerCase() + " is not supported on two bool operands;"
                    + " convert with astype first");
        }
        return this == DIV ? promoted.toFloating() : promoted;
    }

    /** The result dtype, given the compute type. */
    public DType resultType(DType compute) {
        return isComparison() ? DType.BOOL : compute;
    }

    /** The C expression of this operation on two operands of the compute type. */
    String expression(String x, String y, DType compute) {
        return switch (this) {
            case ADD -> x + " + " + y;
            case SUB -> x + " - " + y;
            case MUL -> x + " * " + y;
            case DIV -> x + " / " + y;
            case POW -> compute.isFloatingPoint() ? "pow(" + x + ", " + y + ")"
                    : "jga_ipow_" + compute.numpyName() + "(" + x + ", " + y + ")";
            case MAXIMUM -> compute.isFloatingPoint() ? "(isnan(" + x + ") || " + x + " > " + y + ") ? " + x + " : " + y
                    : "(" + x + " > " + y + ") ? " + x + " : " + y;
            case MINIMUM -> compute.isFloatingPoint() ? "(isnan(" + x + ") || " + x + " < " + y + ") ? " + x + " : " + y
                    : "(" + x + " < " + y + ") ? " + x + " : " + y;
            case LT -> x + " < " + y;
            case LE -> x + " <= " + y;
            case GT -> x + " > " + y;
            case GE -> x + " >= " + y;
            case EQ -> x + " == " + y;
            case NE -> x + " != " + y;
        };
    }
}
