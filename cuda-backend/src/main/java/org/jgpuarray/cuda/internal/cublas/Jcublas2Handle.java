package org.jgpuarray.cuda.internal.cublas;

import jcuda.Pointer;
import jcuda.driver.CUstream;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.runtime.cudaStream_t;
import org.jgpuarray.cuda.internal.CudaPointer;
import org.jgpuarray.kernels.ScalarType;

/** A cuBLAS handle of JCublas2. */
final class Jcublas2Handle implements CublasHandle {
    private final cublasHandle handle;

    Jcublas2Handle(cublasHandle handle) {
        this.handle = handle;
    }

    @Override
    public int setStream(CUstream stream) {
        return JCublas2.cublasSetStream(handle, stream == null ? null : new cudaStream_t(stream));
    }

    @Override
    public int setPointerMode(int mode) {
        return JCublas2.cublasSetPointerMode(handle, mode);
    }

    @Override
    public int gemm(ScalarType type, int transa, int transb, int m, int n, int k, double alpha, CudaPointer a, int lda,
                    CudaPointer b, int ldb, double beta, CudaPointer c, int ldc) {
        return type == ScalarType.FLOAT64
                ? JCublas2.cublasDgemm(handle, transa, transb, m, n, k, scalar(type, alpha), a, lda, b, ldb,
                        scalar(type, beta), c, ldc)
                : JCublas2.cublasSgemm(handle, transa, transb, m, n, k, scalar(type, alpha), a, lda, b, ldb,
                        scalar(type, beta), c, ldc);
    }

    @Override
    public int gemmStridedBatched(ScalarType type, int transa, int transb, int m, int n, int k, double alpha,
                                  CudaPointer a, long offsetA, int lda, long strideA, CudaPointer b, long offsetB,
                                  int ldb, long strideB, double beta, CudaPointer c, long offsetC, int ldc,
                                  long strideC, int batch) {
        long size = type.byteSize();
        Pointer pa = a.withByteOffset(offsetA * size);
        Pointer pb = b.withByteOffset(offsetB * size);
        Pointer pc = c.withByteOffset(offsetC * size);
        return type == ScalarType.FLOAT64
                ? JCublas2.cublasDgemmStridedBatched(handle, transa, transb, m, n, k, scalar(type, alpha), pa, lda,
                        strideA, pb, ldb, strideB, scalar(type, beta), pc, ldc, strideC, batch)
                : JCublas2.cublasSgemmStridedBatched(handle, transa, transb, m, n, k, scalar(type, alpha), pa, lda,
                        strideA, pb, ldb, strideB, scalar(type, beta), pc, ldc, strideC, batch);
    }

    @Override
    public int gemv(ScalarType type, int trans, int m, int n, double alpha, CudaPointer a, int lda, CudaPointer x,
                    double beta, CudaPointer y) {
        return type == ScalarType.FLOAT64
                ? JCublas2.cublasDgemv(handle, trans, m, n, scalar(type, alpha), a, lda, x, 1, scalar(type, beta), y, 1)
                : JCublas2.cublasSgemv(handle, trans, m, n, scalar(type, alpha), a, lda, x, 1, scalar(type, beta), y, 1);
    }

    @Override
    public int axpy(ScalarType type, int n, double alpha, CudaPointer x, CudaPointer y) {
        return type == ScalarType.FLOAT64
                ? JCublas2.cublasDaxpy(handle, n, scalar(type, alpha), x, 1, y, 1)
                : JCublas2.cublasSaxpy(handle, n, scalar(type, alpha), x, 1, y, 1);
    }

    @Override
    public int dot(ScalarType type, int n, CudaPointer x, CudaPointer y, CudaPointer result) {
        return type == ScalarType.FLOAT64
                ? JCublas2.cublasDdot(handle, n, x, 1, y, 1, result)
                : JCublas2.cublasSdot(handle, n, x, 1, y, 1, result);
    }

    @Override
    public int nrm2(ScalarType type, int n, CudaPointer x, CudaPointer result) {
        return type == ScalarType.FLOAT64
                ? JCublas2.cublasDnrm2(handle, n, x, 1, result)
                : JCublas2.cublasSnrm2(handle, n, x, 1, result);
    }

    @Override
    public int destroy() {
        return JCublas2.cublasDestroy(handle);
    }

    private static Pointer scalar(ScalarType type, double value) {
        return type == ScalarType.FLOAT64 ? Pointer.to(new double[] {value}) : Pointer.to(new float[] {(float) value});
    }
}
