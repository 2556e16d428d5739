package org.jgpuarray.spi;

import org.jgpuarray.kernels.ScalarType;

/**
 * BLAS on device buffers, offered by a backend through {@link BackendDevice#library(Class)} (cuBLAS on
 * CUDA, for instance). Where a device offers none, the core runs its portable kernels (CUDA C or OpenCL
 * C through {@link BackendDevice#compileProgram}).
 *
 * <p><b>Layout.</b> Every matrix is <em>row-major</em>, as {@code GPUArray}s are: element (r, c) of a
 * matrix with leading dimension {@code ld} is at index {@code r * ld + c} of its buffer. Column-major
 * libraries compute the transposed problem with swapped operands and no copies: for C = op(A) op(B)
 * row-major, call {@code cublasSgemm(handle, opB, opA, n, m, k, alpha, B, ldb, A, lda, beta, C, ldc)};
 * for y = op(A) x row-major, call {@code cublasSgemv} with the opposite transpose flag and the matrix
 * dimensions swapped ({@code cols, rows, A, lda}). Vectors are contiguous (increment 1).
 *
 * <p><b>Types.</b> {@code type} is {@link ScalarType#FLOAT32} or {@link ScalarType#FLOAT64} (integer
 * types too for {@link #gemmStridedBatched} where {@link #integerGemm()} says so); the core checks this,
 * the shapes and the buffer sizes before calling. {@code beta == 0} means the output is
 * not read (NaN in it must not propagate), as in the reference BLAS.
 *
 * <p>Calls are made from the thread that uses the device; they may return before the device finishes
 * (the core synchronizes when it copies results to the host).
 */
public interface BlasProvider {
    /** Which implementation this is, e.g. {@code "cuBLAS 12.6 (JCublas2)"}; shown to users. */
    String implementation();

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, with op(A) of m x k and op(B) of k x n, row-major.
     *
     * @param transA whether op(A) is A transposed (A is then stored k x m)
     * @param transB whether op(B) is B transposed (B is then stored n x k)
     * @param a      not modified; {@code lda} is its row length as stored
     * @param b      not modified; {@code ldb} is its row length as stored
     * @param c      m x n, modified; {@code ldc >= n}
     */
    void gemm(ScalarType type, boolean transA, boolean transB, long m, long n, long k, double alpha,
              DeviceBuffer a, long lda, DeviceBuffer b, long ldb, double beta, DeviceBuffer c, long ldc);

    /**
     * Strided-batched GEMM: for each {@code i < batch}, {@code C_i = alpha * op(A_i) * op(B_i) + beta * C_i}
     * with op(A_i) of m x k and op(B_i) of k x n, row-major, each matrix where its {@link StridedMatrices}
     * says (the offsets let the core pass views without copying them; a stride of 0 broadcasts one matrix
     * over the batch). The C matrices of the batch do not overlap one another or A or B.
     *
     * <p>{@code type} is FLOAT32 or FLOAT64, or INT32 or INT64 where {@link #integerGemm()} is true:
     * integer products and sums wrap modulo 2^32 or 2^64 as two's-complement arithmetic does, and alpha
     * and beta are whole numbers converted to the type. {@code m}, {@code n} and {@code batch} are at
     * least 1; {@code k} may be 0 (C is then scaled by beta).
     *
     * @param transA whether op(A) is A transposed (each A_i is then stored k x m)
     * @param transB whether op(B) is B transposed (each B_i is then stored n x k)
     * @param a      not modified; its {@code ld} is a row's length as stored
     * @param b      not modified; its {@code ld} is a row's length as stored
     * @param c      modified; {@code ld >= n}
     */
    void gemmStridedBatched(ScalarType type, boolean transA, boolean transB, long m, long n, long k, long batch,
                            double alpha, StridedMatrices a, StridedMatrices b, double beta, StridedMatrices c);

    /**
     * Whether {@link #gemmStridedBatched} takes INT32 and INT64 matrices. Where it does not (cuBLAS has no
     * such GEMM), the core multiplies integer matrices with its portable kernels.
     *
     * @return false unless the implementation says otherwise
     */
    default boolean integerGemm() {
        return false;
    }

    /**
     * {@code y = alpha * op(A) * x + beta * y} with A stored rows x cols, row-major.
     *
     * @param trans whether op(A) is A transposed: then x has {@code rows} and y {@code cols} elements
     * @param a     not modified
     * @param x     not modified
     * @param y     modified
     */
    void gemv(ScalarType type, boolean trans, long rows, long cols, double alpha, DeviceBuffer a, long lda,
              DeviceBuffer x, double beta, DeviceBuffer y);

    /**
     * {@code y = alpha * x + y} over n elements.
     *
     * @param x not modified
     * @param y modified
     */
    void axpy(ScalarType type, long n, double alpha, DeviceBuffer x, DeviceBuffer y);

    /**
     * Writes the dot product of x and y (n elements) into element 0 of {@code result}, a buffer of one
     * element of {@code type}; 0 when n is 0.
     *
     * @param x      not modified
     * @param y      not modified
     * @param result modified
     */
    void dot(ScalarType type, long n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer result);

    /**
     * Writes the Euclidean norm of x (n elements) into element 0 of {@code result}, computed without
     * overflow or underflow for representable norms (scaled, as the reference BLAS does).
     *
     * @param x      not modified
     * @param result modified
     */
    void nrm2(ScalarType type, long n, DeviceBuffer x, DeviceBuffer result);
}
