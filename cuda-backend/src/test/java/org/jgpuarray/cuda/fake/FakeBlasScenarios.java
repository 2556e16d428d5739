package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.close;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.blas.Transpose;

/**
 * cuBLAS through the public API against the fake libcublas, which computes column-major BLAS on the
 * fake driver's memory: results are compared with row-major references (so the operand swap, the
 * leading dimensions and the transposes are proven by the numbers), and the logged calls are checked
 * argument by argument: stream, pointer modes, the gemv flip, the empty-x route, status translation.
 */
final class FakeBlasScenarios {
    private final GpuContext ctx;
    private final FakeLog log;

    FakeBlasScenarios(GpuContext ctx, FakeLog log) {
        this.ctx = ctx;
        this.log = log;
    }

    /** The handle was created in the device's stream with host pointer mode. */
    void handle(String implementation) {
        check(ctx.blas().implementation().equals(implementation), ctx.blas().implementation());
        check(log.count("cublasCreate handle=\\d+") == 1, "one handle per device");
        check(log.count("cublasSetStream handle=\\d+ stream=0") == 1, "bound to the legacy default stream");
    }

    /** gemm, all transposes, both types, beta 0.5 and 0 (with NaN in C). */
    void gemm() {
        int m = 5;
        int n = 3;
        int k = 4;
        Random r = new Random(5);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    for (double beta : new double[] {0.5, 0}) {
                        double[] a = rounded(t, r, m * k);
                        double[] b = rounded(t, r, k * n);
                        double[] c = rounded(t, r, m * n);
                        double[] expected = reference(a, b, c, m, n, k, ta.transposed(), tb.transposed(), 1.5, beta);
                        if (beta == 0) {
                            Arrays.fill(c, Double.NaN);
                        }
                        String what = "gemm " + t.numpyName() + " " + ta + "/" + tb + " beta " + beta;
                        try (GPUArray ga = upload(t, a, ta.transposed() ? k : m, ta.transposed() ? m : k);
                             GPUArray gb = upload(t, b, tb.transposed() ? n : k, tb.transposed() ? k : n);
                             GPUArray gc = upload(t, c, m, n)) {
                            log.mark();
                            ctx.blas().gemm(ta, tb, 1.5, ga, gb, beta, gc);
                            close(expected, values(gc), t == DType.FLOAT32 ? 1e-5 : 1e-13, 1e-6, what);
                        }
                        String s = t == DType.FLOAT32 ? "S" : "D";
                        log.expectOne("cublas" + s + "gemm_v2", "cublas" + s + "gemm_v2 handle=\\d+ stream=0 mode=0 opA="
                                + (tb.transposed() ? "T" : "N") + " opB=" + (ta.transposed() ? "T" : "N")
                                + " m=3 n=5 k=4 alpha=1.5 A=buf\\d+\\+0 lda=" + (tb.transposed() ? k : n)
                                + " B=buf\\d+\\+0 ldb=" + (ta.transposed() ? m : k) + " beta=" + (beta == 0 ? "0" : "0.5")
                                + " C=buf\\d+\\+0 ldc=3");
                    }
                }
            }
        }
    }

    /**
     * A batched matmul with broadcast batch axes, a transposed first operand and a second operand at an offset
     * runs as cuBLAS strided-batched GEMMs, one per entry of the outer batch axis, with no copy: operands
     * swapped for column-major cuBLAS, the transpose on the swapped operand, element offsets as byte offsets
     * of the pointers, stride 0 where an operand is broadcast. A 2-D float64 product is one call of batch 1.
     */
    void matmul() {
        Random r = new Random(7);
        double[] a = rounded(DType.FLOAT32, r, 2 * 4 * 3);
        double[] b = rounded(DType.FLOAT32, r, 6 * 4 * 6);
        // logical A (2, 1, 3, 4): the (2, 1, 4, 3) base with its last two axes swapped; B (5, 4, 6): base[1:]
        double[] expected = new double[2 * 5 * 3 * 6];
        for (int q = 0; q < 2; q++) {
            for (int s = 0; s < 5; s++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 6; j++) {
                        double acc = 0;
                        for (int p = 0; p < 4; p++) {
                            acc += a[q * 12 + p * 3 + i] * b[(s + 1) * 24 + p * 6 + j];
                        }
                        expected[((q * 5 + s) * 3 + i) * 6 + j] = acc;
                    }
                }
            }
        }
        try (GPUArray baseA = upload(DType.FLOAT32, a, 2, 1, 4, 3); GPUArray ga = baseA.swapAxes(2, 3);
             GPUArray baseB = upload(DType.FLOAT32, b, 6, 4, 6); GPUArray gb = baseB.get("1:")) {
            log.mark();
            try (GPUArray c = ga.matmul(gb)) {
                check(Arrays.equals(c.shape(), new long[] {2, 5, 3, 6}), Arrays.toString(c.shape()));
                close(expected, values(c), 1e-5, 1e-6, "matmul (2, 1, 3, 4)^T-view @ (5, 4, 6)-view");
            }
        }
        List<String> calls = log.since("cublasSgemmStridedBatched");
        check(calls.size() == 2, "two strided-batched calls, one per entry of the outer batch axis: " + calls);
        String common = "cublasSgemmStridedBatched handle=\\d+ stream=0 mode=0 opA=N opB=T m=6 n=3 k=4 alpha=1 "
                + "A=buf\\d+\\+96 lda=6 strideA=24 B=buf\\d+\\+%d ldb=3 strideB=0 beta=0 C=buf\\d+\\+%d ldc=6 "
                + "strideC=18 batch=5";
        for (int call = 0; call < 2; call++) {
            String regex = String.format(java.util.Locale.ROOT, common, call * 12 * 4, call * 90 * 4);
            check(calls.get(call).matches(regex), "expected " + regex + "\n   got: " + calls.get(call));
        }
        check(log.since("launch ").isEmpty(), "no copy kernel: the views are read in place");
        try (GPUArray ga = upload(DType.FLOAT64, a, 6, 4); GPUArray gb = upload(DType.FLOAT64, a, 4, 6)) {
            log.mark();
            try (GPUArray c = ga.matmul(gb)) {
                close(reference(a, a, null, 6, 6, 4, false, false, 1, 0), values(c), 1e-13, 1e-13, "2-D float64");
            }
            log.expectOne("cublasDgemmStridedBatched", "cublasDgemmStridedBatched handle=\\d+ stream=0 mode=0 opA=N "
                    + "opB=N m=6 n=6 k=4 alpha=1 A=buf\\d+\\+0 lda=6 strideA=0 B=buf\\d+\\+0 ldb=4 strideB=0 beta=0 "
                    + "C=buf\\d+\\+0 ldc=6 strideC=0 batch=1");
        }
    }

    /**
     * An int32 matmul, which cuBLAS cannot do, compiles the portable integer GEMM (with the backend's CUDA
     * compiler) and launches it once, the batch on the grid's third dimension, the broadcast operand at
     * stride 0. The fake driver runs no kernels, so only the launch is checked.
     */
    void integerMatmul() {
        try (GPUArray a = ctx.toGpu(new int[5 * 3 * 4], 5, 3, 4); GPUArray b = ctx.toGpu(new int[4 * 2], 4, 2)) {
            log.mark();
            try (GPUArray c = a.matmul(b)) {
                check(c.dtype() == DType.INT32 && Arrays.equals(c.shape(), new long[] {5, 3, 2}), Arrays.toString(c.shape()));
            }
            log.expectOne("launch jga_gemm_int32", "launch jga_gemm_int32_nn grid=1,1,5 block=16,16,1 shared=0 "
                    + "params=3;2;4;1;buf\\d+\\+0;0;4;12;buf\\d+\\+0;0;2;0;0;buf\\d+\\+0;0;2;6");
            check(log.since("cublas").isEmpty(), "no cuBLAS call for integers");
        }
    }

    /** gemv flips the transpose and swaps the dimensions; an empty x becomes a gemm with k = 0. */
    void gemv() {
        Random r = new Random(6);
        for (Transpose tr : Transpose.values()) {
            double[] a = rounded(DType.FLOAT32, r, 12);
            int xn = tr.transposed() ? 4 : 3;
            int yn = tr.transposed() ? 3 : 4;
            double[] x = rounded(DType.FLOAT32, r, xn);
            double[] y = rounded(DType.FLOAT32, r, yn);
            double[] expected = reference(a, x, y, yn, 1, xn, tr.transposed(), false, 2, -1);
            try (GPUArray ga = upload(DType.FLOAT32, a, 4, 3); GPUArray gx = upload(DType.FLOAT32, x, xn);
                 GPUArray gy = upload(DType.FLOAT32, y, yn)) {
                log.mark();
                ctx.blas().gemv(tr, 2, ga, gx, -1, gy);
                close(expected, values(gy), 1e-5, 1e-6, "gemv " + tr);
            }
            log.expectOne("cublasSgemv_v2", "cublasSgemv_v2 handle=\\d+ stream=0 mode=0 op=" + (tr.transposed() ? "N" : "T")
                    + " m=3 n=4 alpha=2 A=buf\\d+\\+0 lda=3 x=buf\\d+\\+0 incx=1 beta=-1 y=buf\\d+\\+0 incy=1");
        }
        try (GPUArray a = ctx.zeros(DType.FLOAT64, 4, 0); GPUArray x = ctx.zeros(DType.FLOAT64, 0);
             GPUArray y = ctx.toGpu(new double[] {1, 2, 3, 4})) {
            log.mark();
            ctx.blas().gemv(Transpose.NONE, 1, a, x, 0.5, y);
            close(new double[] {0.5, 1, 1.5, 2}, y.toDoubleArray(), 0, 0, "gemv with empty x scales y");
            log.expectOne("cublasDgemm_v2", "cublasDgemm_v2 handle=\\d+ stream=0 mode=0 opA=N opB=N m=1 n=4 k=0 "
                    + "alpha=1 A=buf\\d+\\+0 lda=1 B=buf\\d+\\+0 ldb=1 beta=0.5 C=buf\\d+\\+0 ldc=1");
        }
    }

    /** axpy, and dot and nrm2 in device pointer mode, which is switched back to host afterwards. */
    void level1() {
        double[] x = {1, -2, 3, 0.5, 4, -1};
        double[] y = {2, 1, -1, 4, 0.25, 3};
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            String s = t == DType.FLOAT32 ? "S" : "D";
            try (GPUArray gx = upload(t, x, 6); GPUArray gy = upload(t, y, 6)) {
                log.mark();
                try (GPUArray d = ctx.blas().dot(gx, gy); GPUArray norm = ctx.blas().nrm2(gx)) {
                    check(d.item() == 2 - 2 - 3 + 2 + 1 - 3, "dot " + d.item());
                    close(new double[] {Math.sqrt(1 + 4 + 9 + 0.25 + 16 + 1)}, new double[] {norm.item()}, 1e-6, 0,
                            "nrm2");
                }
                String calls = log.sinceMark().replaceAll("(?m)^(alloc|free|copy|read|write).*\\n?", "");
                check(calls.matches("(?s)cublasSetPointerMode handle=\\d+ mode=1\ncublas" + s + "dot_v2 handle=\\d+ "
                        + "stream=0 mode=1 n=6 x=buf\\d+\\+0 incx=1 y=buf\\d+\\+0 incy=1 result=buf\\d+\\+0\n"
                        + "cublasSetPointerMode handle=\\d+ mode=0\ncublasSetPointerMode handle=\\d+ mode=1\n"
                        + "cublas" + s + "nrm2_v2 handle=\\d+ stream=0 mode=1 n=6 x=buf\\d+\\+0 incx=1 "
                        + "result=buf\\d+\\+0\ncublasSetPointerMode handle=\\d+ mode=0\\s*"), calls);
                log.mark();
                ctx.blas().axpy(0.5, gx, gy);
                close(new double[] {2.5, 0, 0.5, 4.25, 2.25, 2.5}, values(gy), 0, 0, "axpy");
                log.expectOne("cublas" + s + "axpy_v2", "cublas" + s + "axpy_v2 handle=\\d+ stream=0 mode=0 n=6 "
                        + "alpha=0.5 x=buf\\d+\\+0 incx=1 y=buf\\d+\\+0 incy=1");
            }
        }
        try (GPUArray e = ctx.zeros(DType.FLOAT32, 0)) {
            log.mark();
            try (GPUArray d = ctx.blas().dot(e, e)) {
                check(d.item() == 0, "dot of empty vectors");
            }
            check(log.since("cublasSdot").isEmpty(), "no cuBLAS call for n = 0");
        }
    }

    /** A cuBLAS status becomes a DeviceException with the call and the status's name. */
    void failures() {
        try (GPUArray a = ctx.zeros(DType.FLOAT64, 2, 2); GPUArray b = ctx.zeros(DType.FLOAT64, 2, 2);
             GPUArray c = ctx.zeros(DType.FLOAT64, 2, 2)) {
            log.inject("cublasDgemm_v2", 13);
            try {
                DeviceException e = expect(DeviceException.class,
                        () -> ctx.blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, b, 0, c));
                check(e.call().equals("cublasDgemm_v2") && e.code() == 13
                        && e.codeName().equals("CUBLAS_STATUS_EXECUTION_FAILED") && e.getMessage().contains("row-major 2x2x2"),
                        e.getMessage());
            } finally {
                log.clearFailure();
            }
        }
    }

    private GPUArray upload(DType t, double[] values, long... shape) {
        if (t == DType.FLOAT64) {
            return ctx.toGpu(values, shape);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return ctx.toGpu(f, shape);
    }

    /** The values without a conversion kernel (kernels do not run on the fake). */
    static double[] values(GPUArray g) {
        if (g.dtype() == DType.FLOAT64 || g.dtype() == DType.COMPLEX128) {
            return g.toDoubleArray();
        }
        float[] f = g.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static double[] rounded(DType t, Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = t == DType.FLOAT32 ? (float) (r.nextDouble() * 2 - 1) : r.nextDouble() * 2 - 1;
        }
        return v;
    }

    /** Row-major alpha op(A) op(B) + beta C; A stored m x k (k x m when transposed), B k x n (n x k). */
    private static double[] reference(double[] a, double[] b, double[] c, int m, int n, int k, boolean ta, boolean tb,
                                      double alpha, double beta) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    acc += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                }
                out[i * n + j] = alpha * acc + (beta == 0 ? 0 : beta * c[i * n + j]);
            }
        }
        return out;
    }
}
