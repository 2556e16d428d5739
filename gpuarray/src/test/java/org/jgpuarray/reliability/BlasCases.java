package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Expectation.close;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.blas.Blas;
import org.jgpuarray.blas.Transpose;

/**
 * BLAS with operands that do not fit, and with sizes at the edges (empty, k = 0, one element), which
 * reach the device's library or kernels and so run in a child JVM.
 */
final class BlasCases {
    private static final Transpose N = Transpose.NONE;
    private static final Transpose T = Transpose.TRANSPOSE;

    private BlasCases() {
    }

    static List<Case> cases() {
        return List.of(
                blas("blas.gemm-inner-mismatch", (b, c) -> b.gemm(N, N, 1, m(c, 2, 3), m(c, 2, 3), 0, m(c, 2, 3)))
                        .fails(IAE, "gemm", "(2, 3)"),
                blas("blas.gemm-c-shape", (b, c) -> b.gemm(N, N, 1, m(c, 2, 3), m(c, 3, 4), 0, m(c, 2, 3)))
                        .fails(IAE, "gemm", "C must be 2x4", "(2, 3)"),
                blas("blas.gemm-1d", (b, c) -> b.gemm(N, N, 1, c.zeros(DType.FLOAT32, 3), m(c, 3, 1), 0, m(c, 1, 1)))
                        .fails(IAE, "gemm", "A must be 2-D", "(3,)"),
                blas("blas.gemm-int", (b, c) -> b.gemm(N, N, 1, c.zeros(DType.INT32, 2, 2), c.zeros(DType.INT32, 2, 2), 0,
                        c.zeros(DType.INT32, 2, 2))).fails(IAE, "gemm", "int32"),
                blas("blas.gemm-mixed", (b, c) -> b.gemm(N, N, 1, m(c, 2, 2), c.zeros(DType.FLOAT64, 2, 2), 0,
                        m(c, 2, 2))).fails(IAE, "gemm", "float32", "float64"),
                blas("blas.gemm-alias", (b, c) -> {
                    GPUArray a = m(c, 2, 2);
                    b.gemm(N, N, 1, a, m(c, 2, 2), 0, a);
                }).fails(IAE, "gemm", "share memory"),
                blas("blas.gemm-alias-view", (b, c) -> {
                    GPUArray a = m(c, 2, 2);
                    b.gemm(N, N, 1, a, m(c, 2, 2), 0, c.track(a.reshape(2, 2)));
                }).fails(IAE, "gemm", "share memory"),
                blas("blas.gemm-other-context", (b, c) -> b.gemm(N, N, 1, c.track(c.fresh().zeros(DType.FLOAT32, 2, 2)),
                        m(c, 2, 2), 0, m(c, 2, 2))).fails(IAE, "another context"),
                result("blas.gemm-transposes", c -> {
                    GPUArray out = m(c, 2, 2);
                    c.ctx().blas().gemm(T, T, 2, c.f32(1, 2, 3, 4).reshape(2, 2), c.f32(5, 6, 7, 8).reshape(2, 2), 0, out);
                    return out.toFloatArray();
                }).returns(new float[] {46, 62, 68, 92}),
                result("blas.gemm-k-zero", c -> {
                    GPUArray out = c.track(c.ctx().full(DType.FLOAT32, 5, 2, 2));
                    c.ctx().blas().gemm(N, N, 1, m(c, 2, 0), m(c, 0, 2), 0.5, out);
                    return out.toFloatArray();
                }).returns(new float[] {2.5f, 2.5f, 2.5f, 2.5f}).inChild(),
                result("blas.gemm-m-zero", c -> {
                    GPUArray out = m(c, 0, 3);
                    c.ctx().blas().gemm(N, N, 1, m(c, 0, 2), m(c, 2, 3), 0, out);
                    return out.size();
                }).returns(0L).inChild(),
                result("blas.gemm-beta-zero-ignores-nan", c -> {
                    GPUArray out = c.track(c.ctx().full(DType.FLOAT32, Double.NaN, 1, 1));
                    c.ctx().blas().gemm(N, N, 1, c.f32(3).reshape(1, 1), c.f32(4).reshape(1, 1), 0, out);
                    return out.toFloatArray();
                }).returns(new float[] {12}).inChild(),
                result("blas.gemm-odd-sizes", c -> {
                    GPUArray a = c.track(c.ctx().full(DType.FLOAT32, 1, 17, 33));
                    GPUArray out = m(c, 17, 5);
                    c.ctx().blas().gemm(N, N, 1, a, c.track(c.ctx().full(DType.FLOAT32, 2, 33, 5)), 0, out);
                    return out.sum().item();
                }).returns(17.0 * 5 * 66).inChild(),
                blas("blas.gemv-sizes", (b, c) -> b.gemv(N, 1, m(c, 2, 3), c.zeros(DType.FLOAT32, 2), 0,
                        c.zeros(DType.FLOAT32, 2))).fails(IAE, "gemv", "(3,)", "(2,)"),
                blas("blas.gemv-2d-x", (b, c) -> b.gemv(N, 1, m(c, 2, 3), m(c, 3, 1), 0, c.zeros(DType.FLOAT32, 2)))
                        .fails(IAE, "gemv", "x must be 1-D"),
                result("blas.gemv-transposed", c -> {
                    GPUArray y = c.zeros(DType.FLOAT32, 3);
                    c.ctx().blas().gemv(T, 1, c.f32(1, 2, 3, 4, 5, 6).reshape(2, 3), c.f32(1, 1), 0, y);
                    return y.toFloatArray();
                }).returns(new float[] {5, 7, 9}).inChild(),
                blas("blas.axpy-shapes", (b, c) -> b.axpy(1, c.zeros(DType.FLOAT32, 3), c.zeros(DType.FLOAT32, 4)))
                        .fails(IAE, "axpy", "(3,)", "(4,)"),
                blas("blas.axpy-bool", (b, c) -> b.axpy(1, c.track(c.ctx().toGpu(new boolean[2])),
                        c.track(c.ctx().toGpu(new boolean[2])))).fails(IAE, "axpy", "bool"),
                result("blas.dot-empty", c -> c.ctx().blas().dot(c.zeros(DType.FLOAT32, 0), c.zeros(DType.FLOAT32, 0))
                        .item()).returns(0.0).inChild(),
                result("blas.nrm2-empty", c -> c.ctx().blas().nrm2(c.zeros(DType.FLOAT32, 0)).item()).returns(0.0)
                        .inChild(),
                result("blas.nrm2-huge-values", c -> c.ctx().blas().nrm2(c.f32(3e30f, 4e30f)).item())
                        .expect(close(new double[] {5e30}, 1e-6)).inChild(),
                blas("blas.nrm2-int", (b, c) -> b.nrm2(c.zeros(DType.INT64, 2))).fails(IAE, "nrm2", "int64"),
                result("matmul.batch-mismatch", c -> c.zeros(DType.FLOAT32, 2, 2, 2).matmul(c.zeros(DType.FLOAT32, 3, 2, 2)))
                        .fails(IAE, "matmul", "(2, 2, 2)", "(3, 2, 2)"),
                result("matmul.0d", c -> c.zeros(DType.FLOAT32).matmul(c.zeros(DType.FLOAT32, 2)))
                        .fails(IAE, "matmul", "()"),
                result("matmul.not-aligned", c -> m(c, 2, 3).matmul(m(c, 2, 3))).fails(IAE, "not aligned", "(2, 3)"),
                result("matmul.int-wraps", c -> c.i32(Integer.MAX_VALUE, 1, 1, 1).reshape(2, 2)
                        .matmul(c.i32(2, 0, 0, 1).reshape(2, 2)).toIntArray()).returns(new int[] {-2, 1, 2, 1}),
                result("matmul.mixed-promotes", c -> {
                    c.requireFp64();
                    GPUArray r = c.track(c.f32(1, 2).matmul(c.f64(3, 4)));
                    return r.dtype() + " " + r.item();
                }).returns("FLOAT64 11.0"),
                result("matmul.vector-matrix", c -> c.f32(1, 2).matmul(c.f32(1, 2, 3, 4, 5, 6).reshape(2, 3))
                        .toFloatArray()).returns(new float[] {9, 12, 15}).inChild(),
                result("matmul.empty-inner", c -> m(c, 3, 0).matmul(m(c, 0, 2)).toFloatArray())
                        .returns(new float[6]).inChild(),
                result("matmul.empty-outer", c -> m(c, 0, 3).matmul(m(c, 3, 2)).shape()).returns(new long[] {0, 2})
                        .inChild());
    }

    /** A float32 matrix of zeros. */
    private static GPUArray m(CaseContext c, long rows, long cols) {
        return c.zeros(DType.FLOAT32, rows, cols);
    }

    private static Case.Pending blas(String name, BlasBody body) {
        return Case.run(name, c -> body.run(c.ctx().blas(), c));
    }

    private static Case.Pending result(String name, Case.Body body) {
        return Case.of(name, body);
    }

    @FunctionalInterface
    private interface BlasBody {
        void run(Blas blas, CaseContext c) throws Exception;
    }
}
