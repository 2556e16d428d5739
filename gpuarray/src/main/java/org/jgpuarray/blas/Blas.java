package org.jgpuarray.blas;

import org.jgpuarray.GPUArray;

/**
 * BLAS on the arrays of one context, cuBLAS-style but row-major like every {@link GPUArray}: get it from
 * {@link org.jgpuarray.GpuContext#blas()}. Operands are float32 or float64 arrays of that context, all
 * of one dtype (float64 needs a device with fp64), except for {@link #matmul}, which takes every real
 * dtype. Matrices are 2-D, vectors 1-D.
 *
 * <p>Which library runs is the device's: cuBLAS where the CUDA backend offers it, jgpuarray's portable
 * tiled kernels on other GPUs and OpenCL devices, a blocked multi-threaded Java GEMM on the CPU;
 * {@link #implementation()} says which (and the {@code org.jgpuarray} logger says so at DEBUG level).
 *
 * <p>Not thread-safe, like its context. Calls may return before the device finishes; reading a result
 * waits for it.
 */
public interface Blas {
    /** The implementation that runs, e.g. {@code "cuBLAS 12.6 (JCublas2)"}. */
    String implementation();

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, with op(A) of m x k, op(B) of k x n, C of m x n. When
     * {@code beta} is 0, C is not read (its old contents, NaN included, do not matter).
     *
     * @param a not modified
     * @param b not modified
     * @param c modified; must not share memory with a or b
     * @throws IllegalArgumentException         for dtypes other than one of float32/float64, arrays that
     *                                          are not 2-D, or shapes that do not fit (the message quotes
     *                                          them), arrays of another context, or c aliasing a or b
     * @throws org.jgpuarray.device.UnsupportedCapabilityException for float64 on a device without fp64
     */
    void gemm(Transpose transA, Transpose transB, double alpha, GPUArray a, GPUArray b, double beta, GPUArray c);

    /**
     * The matrix product as NumPy's {@code matmul}, for bool, int32, int64, float32 and float64 arrays of
     * any number of dimensions. The last two axes of each operand are matrices and the axes before them
     * batch axes, broadcast against each other ({@code (2, 1, 3, 4) @ (5, 4, 6)} gives {@code (2, 5, 3, 6)});
     * a 1-D first operand is a row and a 1-D second operand a column, and that axis is removed from the
     * result (two 1-D operands give a 0-d array). The result's dtype is NumPy's promotion of the two
     * ({@code int32 @ int64} is int64, {@code int32 @ float32} float64); integer products wrap on overflow as
     * NumPy's do, and a bool product is true where some term is. Transposed, sliced and broadcast views
     * are read in place where the library can read them, else copied. Floats run on this BLAS, integers on
     * the device's integer GEMM (the CPU backend's Java GEMM, the portable tiled kernels on GPUs).
     *
     * @param a not modified
     * @param b not modified
     * @return a new array
     * @throws IllegalArgumentException for complex or 0-d operands, inner dimensions that differ or batch
     *                                  dimensions that do not broadcast (the message quotes both shapes), or
     *                                  arrays of another context
     * @throws org.jgpuarray.device.UnsupportedCapabilityException for a float64 result on a device without
     *                                  fp64
     */
    GPUArray matmul(GPUArray a, GPUArray b);

    /**
     * {@link #matmul(GPUArray, GPUArray)} into {@code out}, NumPy's {@code matmul(a, b, out=out)}: out has
     * the result's shape and dtype, and may be a view (it may even share memory with a or b: the product is
     * then computed first and copied in).
     *
     * @param a   not modified
     * @param b   not modified
     * @param out modified; null for a new array
     * @return {@code out}
     * @throws IllegalArgumentException as {@link #matmul(GPUArray, GPUArray)}, and for an {@code out} of
     *                                  another shape or dtype (the message names both), of another context,
     *                                  or a broadcast view
     */
    GPUArray matmul(GPUArray a, GPUArray b, GPUArray out);

    /**
     * {@code y = alpha * op(A) * x + beta * y}; A is rows x cols, x has cols (rows when transposed)
     * elements and y rows (cols).
     *
     * @param a not modified
     * @param x not modified
     * @param y modified; must not share memory with a or x
     * @throws IllegalArgumentException for wrong dtypes, dimensions or sizes, or aliasing
     */
    void gemv(Transpose trans, double alpha, GPUArray a, GPUArray x, double beta, GPUArray y);

    /**
     * {@code y = alpha * x + y}, elementwise over arrays of equal shape.
     *
     * @param x not modified
     * @param y modified
     * @throws IllegalArgumentException for wrong dtypes or shapes that differ
     */
    void axpy(double alpha, GPUArray x, GPUArray y);

    /**
     * The dot product of two arrays of equal shape (taken as flat vectors), as a 0-d array of their dtype.
     *
     * @param x not modified
     * @param y not modified
     * @throws IllegalArgumentException for wrong dtypes or shapes that differ
     */
    GPUArray dot(GPUArray x, GPUArray y);

    /**
     * The Euclidean norm of an array taken as a flat vector, as a 0-d array of its dtype, computed
     * without overflow or underflow where the norm itself is representable.
     *
     * @param x not modified
     * @throws IllegalArgumentException for a dtype other than float32 or float64
     */
    GPUArray nrm2(GPUArray x);
}
