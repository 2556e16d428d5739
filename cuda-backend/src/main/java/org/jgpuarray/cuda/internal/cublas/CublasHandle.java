package org.jgpuarray.cuda.internal.cublas;

import jcuda.driver.CUstream;
import org.jgpuarray.cuda.internal.CudaPointer;
import org.jgpuarray.kernels.ScalarType;

/**
 * One cuBLAS handle and the calls jgpuarray makes with it, column-major as cuBLAS defines them; each
 * returns cuBLAS's status. {@code type} picks the S or D function (FLOAT32 or FLOAT64); scalars are
 * passed in host memory; vectors have increment 1. Used from one thread at a time.
 */
interface CublasHandle {
    /** {@code cublasSetStream_v2}. */
    int setStream(CUstream stream);

    /** {@code cublasSetPointerMode_v2} with {@link CublasStatus#POINTER_MODE_HOST} or {@code _DEVICE}. */
    int setPointerMode(int mode);

    /** {@code cublas[SD]gemm_v2}: C (m x n, ldc) = alpha op(A) op(B) + beta C. */
    int gemm(ScalarType type, int transa, int transb, int m, int n, int k, double alpha, CudaPointer a, int lda,
             CudaPointer b, int ldb, double beta, CudaPointer c, int ldc);

    /**
     * {@code cublas[SD]gemmStridedBatched}: for each of {@code batch} matrices, C_i (m x n, ldc) = alpha
     * op(A_i) op(B_i) + beta C_i, where X_i starts {@code offsetX + i * strideX} elements into X (offsets
     * and strides in elements).
     */
    int gemmStridedBatched(ScalarType type, int transa, int transb, int m, int n, int k, double alpha, CudaPointer a,
                           long offsetA, int lda, long strideA, CudaPointer b, long offsetB, int ldb, long strideB,
                           double beta, CudaPointer c, long offsetC, int ldc, long strideC, int batch);

    /** {@code cublas[SD]gemv_v2}: y = alpha op(A) x + beta y, A m x n with leading dimension lda. */
    int gemv(ScalarType type, int trans, int m, int n, double alpha, CudaPointer a, int lda, CudaPointer x,
             double beta, CudaPointer y);

    /** {@code cublas[SD]axpy_v2}: y = alpha x + y. */
    int axpy(ScalarType type, int n, double alpha, CudaPointer x, CudaPointer y);

    /** {@code cublas[SD]dot_v2}, the result written where the pointer mode says. */
    int dot(ScalarType type, int n, CudaPointer x, CudaPointer y, CudaPointer result);

    /** {@code cublas[SD]nrm2_v2}, the result written where the pointer mode says. */
    int nrm2(ScalarType type, int n, CudaPointer x, CudaPointer result);

    /** {@code cublasDestroy_v2}. */
    int destroy();
}
