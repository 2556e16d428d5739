package org.jgpuarray.cuda.internal.cublas;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The cuBLAS functions jgpuarray calls, bound through JNA to whichever {@code libcublas} the machine has
 * (their C signatures are the same from CUDA 11 to 13). Handles, streams and device addresses are
 * pointers; host scalars ({@code alpha}, {@code beta}) are one-element arrays. Internal.
 */
public interface CublasLibrary extends Library {
    /** {@code cublasStatus_t cublasCreate_v2(cublasHandle_t *handle)}. */
    int cublasCreate_v2(PointerByReference handle);

    /** {@code cublasStatus_t cublasDestroy_v2(cublasHandle_t handle)}. */
    int cublasDestroy_v2(Pointer handle);

    /** {@code cublasStatus_t cublasGetVersion_v2(cublasHandle_t handle, int *version)}. */
    int cublasGetVersion_v2(Pointer handle, int[] version);

    /** {@code cublasStatus_t cublasGetProperty(libraryPropertyType type, int *value)}. */
    int cublasGetProperty(int type, int[] value);

    /** {@code cublasStatus_t cublasSetStream_v2(cublasHandle_t handle, cudaStream_t stream)}. */
    int cublasSetStream_v2(Pointer handle, Pointer stream);

    /** {@code cublasStatus_t cublasSetPointerMode_v2(cublasHandle_t handle, cublasPointerMode_t mode)}. */
    int cublasSetPointerMode_v2(Pointer handle, int mode);

    /** {@code cublasSgemm_v2(handle, transa, transb, m, n, k, *alpha, A, lda, B, ldb, *beta, C, ldc)}. */
    int cublasSgemm_v2(Pointer handle, int transa, int transb, int m, int n, int k, float[] alpha, Pointer a, int lda,
                       Pointer b, int ldb, float[] beta, Pointer c, int ldc);

    /** {@code cublasDgemm_v2}, as {@link #cublasSgemm_v2} in double. */
    int cublasDgemm_v2(Pointer handle, int transa, int transb, int m, int n, int k, double[] alpha, Pointer a, int lda,
                       Pointer b, int ldb, double[] beta, Pointer c, int ldc);

    /**
     * {@code cublasSgemmStridedBatched(handle, transa, transb, m, n, k, *alpha, A, lda, strideA, B, ldb, strideB,
     * *beta, C, ldc, strideC, batchCount)}; the strides are {@code long long}.
     */
    int cublasSgemmStridedBatched(Pointer handle, int transa, int transb, int m, int n, int k, float[] alpha, Pointer a,
                                  int lda, long strideA, Pointer b, int ldb, long strideB, float[] beta, Pointer c,
                                  int ldc, long strideC, int batchCount);

    /** {@code cublasDgemmStridedBatched}, as {@link #cublasSgemmStridedBatched} in double. */
    int cublasDgemmStridedBatched(Pointer handle, int transa, int transb, int m, int n, int k, double[] alpha,
                                  Pointer a, int lda, long strideA, Pointer b, int ldb, long strideB, double[] beta,
                                  Pointer c, int ldc, long strideC, int batchCount);

    /** {@code cublasSgemv_v2(handle, trans, m, n, *alpha, A, lda, x, incx, *beta, y, incy)}. */
    int cublasSgemv_v2(Pointer handle, int trans, int m, int n, float[] alpha, Pointer a, int lda, Pointer x, int incx,
                       float[] beta, Pointer y, int incy);

    /** {@code cublasDgemv_v2}, as {@link #cublasSgemv_v2} in double. */
    int cublasDgemv_v2(Pointer handle, int trans, int m, int n, double[] alpha, Pointer a, int lda, Pointer x,
                       int incx, double[] beta, Pointer y, int incy);

    /** {@code cublasSaxpy_v2(handle, n, *alpha, x, incx, y, incy)}. */
    int cublasSaxpy_v2(Pointer handle, int n, float[] alpha, Pointer x, int incx, Pointer y, int incy);

    /** {@code cublasDaxpy_v2}, as {@link #cublasSaxpy_v2} in double. */
    int cublasDaxpy_v2(Pointer handle, int n, double[] alpha, Pointer x, int incx, Pointer y, int incy);

    /** {@code cublasSdot_v2(handle, n, x, incx, y, incy, *result)}; result on the device in device pointer mode. */
    int cublasSdot_v2(Pointer handle, int n, Pointer x, int incx, Pointer y, int incy, Pointer result);

    /** {@code cublasDdot_v2}, as {@link #cublasSdot_v2} in double. */
    int cublasDdot_v2(Pointer handle, int n, Pointer x, int incx, Pointer y, int incy, Pointer result);

    /** {@code cublasSnrm2_v2(handle, n, x, incx, *result)}. */
    int cublasSnrm2_v2(Pointer handle, int n, Pointer x, int incx, Pointer result);

    /** {@code cublasDnrm2_v2}, as {@link #cublasSnrm2_v2} in double. */
    int cublasDnrm2_v2(Pointer handle, int n, Pointer x, int incx, Pointer result);
}
