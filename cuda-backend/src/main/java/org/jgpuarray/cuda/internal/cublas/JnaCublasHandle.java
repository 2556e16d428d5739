package org.jgpuarray.cuda.internal.cublas;

import static org.jgpuarray.cuda.internal.binding.JnaBinding.device;

import com.sun.jna.Pointer;
import jcuda.driver.CUstream;
import org.jgpuarray.cuda.internal.CudaPointer;
import org.jgpuarray.cuda.internal.binding.JnaBinding;
import org.jgpuarray.kernels.ScalarType;

/** A cuBLAS handle of a library bound through JNA. */
final class JnaCublasHandle implements CublasHandle {
    private final CublasLibrary lib;
    private final Pointer handle;

    JnaCublasHandle(CublasLibrary lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
    }

    @Override
    public int setStream(CUstream stream) {
        return lib.cublasSetStream_v2(handle, JnaBinding.stream(stream));
    }

    @Override
    public int setPointerMode(int mode) {
        return lib.cublasSetPointerMode_v2(handle, mode);
    }

    @Override
    public int gemm(ScalarType type, int transa, int transb, int m, int n, int k, double alpha, CudaPointer a, int lda,
                    CudaPointer b, int ldb, double beta, CudaPointer c, int ldc) {
        return type == ScalarType.FLOAT64
                ? lib.cublasDgemm_v2(handle, transa, transb, m, n, k, new double[] {alpha}, device(a), lda, device(b),
                        ldb, new double[] {beta}, device(c), ldc)
                : lib.cublasSgemm_v2(handle, transa, transb, m, n, k, new float[] {(float) alpha}, device(a), lda,
                        device(b), ldb, new float[] {(float) beta}, device(c), ldc);
    }

    @Override
    public int gemmStridedBatched(ScalarType type, int transa, int transb, int m, int n, int k, double alpha,
                                  CudaPointer a, long offsetA, int lda, long strideA, CudaPointer b, long offsetB,
                                  int ldb, long strideB, double beta, CudaPointer c, long offsetC, int ldc,
                                  long strideC, int batch) {
        long size = type.byteSize();
        Pointer pa = device(a).share(offsetA * size);
        Pointer pb = device(b).share(offsetB * size);
        Pointer pc = device(c).share(offsetC * size);
        return type == ScalarType.FLOAT64
                ? lib.cublasDgemmStridedBatched(handle, transa, transb, m, n, k, new double[] {alpha}, pa, lda,
                        strideA, pb, ldb, strideB, new double[] {beta}, pc, ldc, strideC, batch)
                : lib.cublasSgemmStridedBatched(handle, transa, transb, m, n, k, new float[] {(float) alpha}, pa, lda,
                        strideA, pb, ldb, strideB, new float[] {(float) beta}, pc, ldc, strideC, batch);
    }

    @Override
    public int gemv(ScalarType type, int trans, int m, int n, double alpha, CudaPointer a, int lda, CudaPointer x,
                    double beta, CudaPointer y) {
        return type == ScalarType.FLOAT64
                ? lib.cublasDgemv_v2(handle, trans, m, n, new double[] {alpha}, device(a), lda, device(x), 1,
                        new double[] {beta}, device(y), 1)
                : lib.cublasSgemv_v2(handle, trans, m, n, new float[] {(float) alpha}, device(a), lda, device(x), 1,
                        new float[] {(float) beta}, device(y), 1);
    }

    @Override
    public int axpy(ScalarType type, int n, double alpha, CudaPointer x, CudaPointer y) {
        return type == ScalarType.FLOAT64
                ? lib.cublasDaxpy_v2(handle, n, new double[] {alpha}, device(x), 1, device(y), 1)
                : lib.cublasSaxpy_v2(handle, n, new float[] {(float) alpha}, device(x), 1, device(y), 1);
    }

    @Override
    public int dot(ScalarType type, int n, CudaPointer x, CudaPointer y, CudaPointer result) {
        return type == ScalarType.FLOAT64
                ? lib.cublasDdot_v2(handle, n, device(x), 1, device(y), 1, device(result))
                : lib.cublasSdot_v2(handle, n, device(x), 1, device(y), 1, device(result));
    }

    @Override
    public int nrm2(ScalarType type, int n, CudaPointer x, CudaPointer result) {
        return type == ScalarType.FLOAT64
                ? lib.cublasDnrm2_v2(handle, n, device(x), 1, device(result))
                : lib.cublasSnrm2_v2(handle, n, device(x), 1, device(result));
    }

    @Override
    public int destroy() {
        return lib.cublasDestroy_v2(handle);
    }
}
