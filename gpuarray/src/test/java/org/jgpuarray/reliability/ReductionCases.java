package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.ReductionKernel;
import org.jgpuarray.ScanKernel;

/** Reduction and scan kernels called with sizes, dtypes and arrays that do not fit. */
final class ReductionCases {
    private ReductionCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("reduction.sizes-differ", c -> dot(c).call(c.zeros(DType.FLOAT32, 100000),
                        c.zeros(DType.FLOAT32, 10))).fails(IAE, "argument 2", "10 elements", "100000"),
                Case.of("reduction.n-beyond-arrays", c -> dot(c).launch(50, c.zeros(DType.FLOAT32, 10),
                        c.zeros(DType.FLOAT32, 10))).fails(IAE, "10 elements", "50"),
                Case.of("reduction.negative-n", c -> dot(c).launch(-3, c.zeros(DType.FLOAT32, 10),
                        c.zeros(DType.FLOAT32, 10))).fails(IAE, "-3"),
                Case.of("reduction.wrong-dtype", c -> dot(c).call(c.zeros(DType.FLOAT32, 3), c.zeros(DType.FLOAT64, 3)))
                        .fails(IAE, "argument 2", "float32", "float64"),
                Case.of("reduction.no-array", c -> c.ctx().reductionKernel(DType.INT32, "0", "a + b", "a", "int a")
                        .call(3)).fails(IAE, "no array argument"),
                Case.of("reduction.no-array-launch", c -> c.ctx().reductionKernel(DType.INT64, "0", "a + b", "q", "long q")
                        .launch(4, 3L).toLongArray()).returns(new long[] {12}),
                Case.of("reduction.complex-output", c -> c.ctx().reductionKernel(DType.COMPLEX64, "0", "a + b", "x[i]",
                        "float *x")).fails(IAE, "complex64"),
                Case.of("reduction.bool-output", c -> c.ctx().reductionKernel(DType.BOOL, "0", "a || b", "x[i] > 2",
                        "float *x")).fails(IAE, "bool"),
                Case.of("reduction.empty-input", c -> dot(c).call(c.zeros(DType.FLOAT32, 0), c.zeros(DType.FLOAT32, 0))
                        .item()).returns(0.0),
                Case.of("reduction.null-expression", c -> c.ctx().reductionKernel(DType.FLOAT32, "0", null, "x[i]",
                        "float *x")).fails(NullPointerException.class, "reduce"),
                Case.of("scan.dtype-mismatch", c -> scan(c).call(c.zeros(DType.FLOAT32, 3))).fails(IAE, "int32", "float32"),
                Case.of("scan.size-mismatch", c -> scan(c).call(c.zeros(DType.INT32, 3), c.zeros(DType.INT32, 4)))
                        .fails(IAE, "(3,)", "(4,)"),
                Case.of("scan.other-context", c -> scan(c).call(c.track(c.fresh().zeros(DType.INT32, 3))))
                        .fails(IAE, "another context"),
                Case.of("scan.complex", c -> c.ctx().inclusiveScanKernel(DType.COMPLEX64, "a + b", "0"))
                        .fails(IAE, "complex64"),
                Case.of("scan.empty", c -> scan(c).call(c.zeros(DType.INT32, 0)).size()).returns(0L),
                Case.of("scan.in-place", c -> {
                    GPUArray x = c.i32(1, 2, 3, 4);
                    scan(c).call(x, x);
                    return x.toIntArray();
                }).returns(new int[] {1, 3, 6, 10}),
                Case.of("scan.exclusive-odd-size", c -> c.ctx().exclusiveScanKernel(DType.INT64, "a + b", "0")
                        .call(c.i64(5, 5, 5, 5, 5, 5, 5)).toLongArray()).returns(new long[] {0, 5, 10, 15, 20, 25, 30}));
    }

    private static ReductionKernel dot(CaseContext c) {
        return c.ctx().reductionKernel(DType.FLOAT32, "0", "a + b", "x[i] * y[i]", "float *x, float *y");
    }

    private static ScanKernel scan(CaseContext c) {
        return c.ctx().inclusiveScanKernel(DType.INT32, "a + b", "0");
    }
}
