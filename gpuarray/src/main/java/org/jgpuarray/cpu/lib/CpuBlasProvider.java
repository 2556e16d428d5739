package org.jgpuarray.cpu.lib;

import java.util.function.Function;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * BLAS of the CPU backend, in plain Java on the buffers' arrays: {@link FloatGemm} and
 * {@link DoubleGemm} for GEMM, {@link FloatVectorOps} and {@link DoubleVectorOps} for levels 1 and 2.
 * Used from the context's thread; the work itself runs on all cores.
 */
final class CpuBlasProvider implements BlasProvider {
    private final Function<DeviceBuffer, Object> arrays;

    CpuBlasProvider(Function<DeviceBuffer, Object> arrays) {
        this.arrays = arrays;
    }

    @Override
    public String implementation() {
        return "jgpuarray Java BLAS (blocked, " + CpuWorkers.parallelism() + " threads)";
    }

    @Override
    public void gemm(ScalarType type, boolean transA, boolean transB, long m, long n, long k, double alpha,
                     DeviceBuffer a, long lda, DeviceBuffer b, long ldb, double beta, DeviceBuffer c, long ldc) {
        if (type == ScalarType.FLOAT32) {
            FloatGemm.gemm(transA, transB, (int) m, (int) n, (int) k, (float) alpha, floats(a), (int) lda, floats(b),
                    (int) ldb, (float) beta, floats(c), (int) ldc);
        } else {
            DoubleGemm.gemm(transA, transB, (int) m, (int) n, (int) k, alpha, doubles(a), (int) lda, doubles(b),
                    (int) ldb, beta, doubles(c), (int) ldc);
        }
    }

    @Override
    public void gemv(ScalarType type, boolean trans, long rows, long cols, double alpha, DeviceBuffer a, long lda,
                     DeviceBuffer x, double beta, DeviceBuffer y) {
        if (type == ScalarType.FLOAT32) {
            FloatVectorOps.gemv(trans, (int) rows, (int) cols, alpha, floats(a), (int) lda, floats(x), beta, floats(y));
        } else {
            DoubleVectorOps.gemv(trans, (int) rows, (int) cols, alpha, doubles(a), (int) lda, doubles(x), beta,
                    doubles(y));
        }
    }

    @Override
    public void axpy(ScalarType type, long n, double alpha, DeviceBuffer x, DeviceBuffer y) {
        if (type == ScalarType.FLOAT32) {
            FloatVectorOps.axpy((int) n, (float) alpha, floats(x), floats(y));
        } else {
            DoubleVectorOps.axpy((int) n, alpha, doubles(x), doubles(y));
        }
    }

    @Override
    public void dot(ScalarType type, long n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer result) {
        if (type == ScalarType.FLOAT32) {
            floats(result)[0] = (float) FloatVectorOps.dot((int) n, floats(x), floats(y));
        } else {
            doubles(result)[0] = DoubleVectorOps.dot((int) n, doubles(x), doubles(y));
        }
    }

    @Override
    public void nrm2(ScalarType type, long n, DeviceBuffer x, DeviceBuffer result) {
        if (type == ScalarType.FLOAT32) {
            floats(result)[0] = (float) FloatVectorOps.nrm2((int) n, floats(x));
        } else {
            doubles(result)[0] = DoubleVectorOps.nrm2((int) n, doubles(x));
        }
    }

    private float[] floats(DeviceBuffer b) {
        return (float[]) arrays.apply(b);
    }

    private double[] doubles(DeviceBuffer b) {
        return (double[]) arrays.apply(b);
    }
}
