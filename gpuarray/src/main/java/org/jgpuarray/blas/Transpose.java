package org.jgpuarray.blas;

/** Whether a BLAS operand is used as stored or transposed ({@code op(A) = A} or {@code A^T}). */
public enum Transpose {
    /** The matrix as stored. */
    NONE,
    /** The transposed matrix. */
    TRANSPOSE;

    /** True for {@link #TRANSPOSE}. */
    public boolean transposed() {
        return this == TRANSPOSE;
    }
}
