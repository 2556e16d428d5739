package org.jgpuarray.cpu.lib;

import java.util.function.Function;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.StridedMatrices;

/**
 * BLAS of the CPU backend, in plain Java on the buffers' arrays: {@link GemmBatches} (over
 * {@link FloatGemm}, {@link DoubleGemm}, {@link IntGemm} and {@link LongGemm}) for GEMM,
 * {@link FloatVectorOps} and {@link DoubleVectorOps} for levels 1 and 2. Used from the context's thread;
 * the work itself runs on all cores.
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

    /** One matrix of a batch; an empty matrix's leading dimension of 0 becomes 1. */
    @Override
    public void gemm(ScalarType type, boolean transA, boolean transB, long m, long n, long k, double alpha,
                     DeviceBuffer a, long lda, DeviceBuffer b, long ldb, double beta, DeviceBuffer c, long ldc) {
        gemmStridedBatched(type, transA, transB, m, n, k, 1, alpha, StridedMatrices.of(a, Math.max(1, lda)),
                StridedMatrices.of(b, Math.max(1, ldb)), beta, StridedMatrices.of(c, Math.max(1, ldc)));
    }

    @Override
    public void gemmStridedBatched(ScalarType type, boolean transA, boolean transB, long m, long n, long k,
                                   long batch, double alpha, StridedMatrices a, StridedMatrices b, double beta,
                                   StridedMatrices c) {
        GemmBatches.run(type, transA, transB, (int) m, (int) n, (int) k, (int) batch, alpha, operand(a), operand(b),
                beta, operand(c));
    }

    /** The Java GEMMs have int32 and int64 twins. */
    @Override
    public boolean integerGemm() {
        return true;
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

    /** CPU buffers are Java arrays, so every element index fits an int. */
    private GemmBatches.Operand operand(StridedMatrices m) {
        return new GemmBatches.Operand(arrays.apply(m.buffer()), (int) m.offset(), (int) m.ld(), (int) m.stride());
    }

    private float[] floats(DeviceBuffer b) {
        return (float[]) arrays.apply(b);
    }

    private double[] doubles(DeviceBuffer b) {
        return (double[]) arrays.apply(b);
    }
}
