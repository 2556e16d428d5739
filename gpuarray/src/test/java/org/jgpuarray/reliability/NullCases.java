package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.NPE;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GpuContext;
import org.jgpuarray.GpuMath;
import org.jgpuarray.blas.Transpose;

/**
 * Nulls passed to public methods: a NullPointerException whose message names the parameter (or an
 * IllegalArgumentException naming the argument of a kernel call), never one from deep inside.
 */
final class NullCases {
    private NullCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("null.create-backend", c -> GpuContext.create(null)).fails(NPE, "backend"),
                Case.of("null.create-device", c -> GpuContext.create(c.backend(), null)).fails(NPE, "device"),
                Case.of("null.to-gpu-data", c -> c.ctx().toGpu((float[]) null)).fails(NPE, "data"),
                Case.of("null.to-gpu-shape", c -> c.ctx().toGpu(new float[1], (long[]) null)).fails(NPE, "shape"),
                Case.of("null.to-gpu-booleans", c -> c.ctx().toGpu((boolean[]) null)).fails(NPE, "data"),
                Case.of("null.to-gpu-complex-dtype", c -> c.ctx().toGpuComplex(null, new float[2])).fails(NPE, "dtype"),
                Case.of("null.to-gpu-complex-data", c -> c.ctx().toGpuComplex(DType.COMPLEX64, null)).fails(NPE, "interleaved"),
                Case.of("null.empty-dtype", c -> c.ctx().empty(null, 3)).fails(NPE, "dtype"),
                Case.of("null.zeros-shape", c -> c.ctx().zeros(DType.FLOAT32, (long[]) null)).fails(NPE, "shape"),
                Case.of("null.full-value", c -> c.ctx().full(DType.FLOAT32, null, 3)).fails(IAE, "fill value", "null"),
                Case.of("null.arange-dtype", c -> c.ctx().arange(null, 3)).fails(NPE, "dtype"),
                Case.of("null.empty-like", c -> c.ctx().emptyLike(null)).fails(NPE, "like"),
                Case.of("null.zeros-like", c -> c.ctx().zerosLike(null)).fails(NPE, "like"),
                Case.of("null.kernel-arguments", c -> c.ctx().elementwiseKernel(null, "x[i] = 1", "k")).fails(NPE, "arguments"),
                Case.of("null.kernel-operation", c -> c.ctx().elementwiseKernel("float *x", null, "k")).fails(NPE, "operation"),
                Case.of("null.kernel-name", c -> c.ctx().elementwiseKernel("float *x", "x[i] = 1", null)).fails(NPE, "name"),
                Case.of("null.kernel-preamble", c -> c.ctx().elementwiseKernelBuilder("float *x", "x[i] = 1", "k")
                        .preamble(null)).fails(NPE, "preamble"),
                Case.of("null.reduction-dtype", c -> c.ctx().reductionKernel(null, "0", "a + b", "x[i]", "float *x"))
                        .fails(NPE, "dtype"),
                Case.of("null.reduction-neutral", c -> c.ctx().reductionKernel(DType.FLOAT32, null, "a + b", "x[i]",
                        "float *x")).fails(NPE, "neutral"),
                Case.of("null.reduction-map", c -> c.ctx().reductionKernel(DType.FLOAT32, "0", "a + b", null, "float *x"))
                        .fails(NPE, "map"),
                Case.of("null.reduction-name", c -> c.ctx().reductionKernelBuilder(DType.FLOAT32, "0", "a + b", "x[i]",
                        "float *x").name(null)).fails(NPE, "name"),
                Case.of("null.scan-dtype", c -> c.ctx().inclusiveScanKernel(null, "a + b", "0")).fails(NPE, "dtype"),
                Case.of("null.scan-expression", c -> c.ctx().inclusiveScanKernel(DType.INT32, null, "0")).fails(NPE, "scan"),
                Case.of("null.scan-neutral", c -> c.ctx().exclusiveScanKernel(DType.INT32, "a + b", null)).fails(NPE, "neutral"),
                Case.of("null.scan-input", c -> c.ctx().inclusiveScanKernel(DType.INT32, "a + b", "0").call(null))
                        .fails(NPE, "input"),
                Case.of("null.source", c -> c.ctx().sourceModule(null)).fails(NPE, "source"),
                Case.of("null.source-options", c -> c.ctx().sourceModule("__kernel void k() {}", (String[]) null))
                        .fails(NPE, "options"),
                Case.of("null.source-option", c -> c.ctx().sourceModule("__kernel void k() {}", "-DX=1", null))
                        .fails(NPE, "option"),
                Case.of("null.unwrap", c -> c.ctx().unwrap(null)).fails(NPE, "feature"),
                Case.of("null.add", c -> c.zeros(DType.FLOAT32, 2).add(null)).fails(NPE, "other"),
                Case.of("null.maximum", c -> c.zeros(DType.FLOAT32, 2).maximum(null)).fails(NPE, "other"),
                Case.of("null.dot", c -> c.zeros(DType.FLOAT32, 2).dot(null)).fails(NPE, "other"),
                Case.of("null.matmul", c -> c.zeros(DType.FLOAT32, 2).matmul(null)).fails(NPE, "other"),
                Case.of("null.astype", c -> c.zeros(DType.FLOAT32, 2).astype(null)).fails(NPE, "type"),
                Case.of("null.fill", c -> c.zeros(DType.FLOAT32, 2).fill(null)).fails(IAE, "fill value", "null"),
                Case.of("null.set", c -> c.zeros(DType.FLOAT32, 2).set((float[]) null)).fails(NPE, "data"),
                Case.of("null.reshape", c -> c.zeros(DType.FLOAT32, 2).reshape((long[]) null)).fails(NPE, "shape"),
                Case.of("null.math", c -> GpuMath.exp(null)).fails(NPE, "x"),
                Case.of("null.math-pow", c -> GpuMath.pow(null, 2.0)).fails(NPE, "x"),
                Case.of("null.math-pow-exponent", c -> GpuMath.pow(c.zeros(DType.FLOAT32, 2), null)).fails(NPE, "y"),
                Case.of("null.promote", c -> DType.promote(null, DType.INT32)).fails(NPE, "a"),
                Case.of("null.dtype-of", c -> DType.of(null)).fails(NPE, "dtype name"),
                Case.run("null.blas-gemm-trans", c -> c.ctx().blas().gemm(null, Transpose.NONE, 1, c.zeros(DType.FLOAT32, 1, 1),
                        c.zeros(DType.FLOAT32, 1, 1), 0, c.zeros(DType.FLOAT32, 1, 1))).fails(NPE, "transA"),
                Case.run("null.blas-gemm-operand", c -> c.ctx().blas().gemm(Transpose.NONE, Transpose.NONE, 1, null,
                        c.zeros(DType.FLOAT32, 1, 1), 0, c.zeros(DType.FLOAT32, 1, 1))).fails(NPE, "gemm"),
                Case.of("null.blas-matmul", c -> c.ctx().blas().matmul(c.zeros(DType.FLOAT32, 2), null)).fails(NPE, "b"),
                Case.run("null.blas-gemv-trans", c -> c.ctx().blas().gemv(null, 1, c.zeros(DType.FLOAT32, 1, 1),
                        c.zeros(DType.FLOAT32, 1), 0, c.zeros(DType.FLOAT32, 1))).fails(NPE, "trans"),
                Case.run("null.blas-axpy", c -> c.ctx().blas().axpy(1, null, c.zeros(DType.FLOAT32, 1))).fails(NPE, "axpy"),
                Case.of("null.blas-nrm2", c -> c.ctx().blas().nrm2(null)).fails(NPE, "nrm2"),
                Case.of("null.fft", c -> c.ctx().fft().fft(null)).fails(NPE, "x"),
                Case.of("null.irfft", c -> c.ctx().fft().irfft(null)).fails(NPE, "x"),
                Case.of("null.random-dtype", c -> c.ctx().random(1).uniform(null, 3)).fails(NPE, "dtype"),
                Case.of("null.random-shape", c -> c.ctx().random(1).rand((long[]) null)).fails(NPE, "shape"),
                Case.of("null.random-out", c -> c.ctx().random(1).fillNormal(null, 0, 1)).fails(NPE, "out"),
                Case.run("null.kernel-call-array", c -> c.ctx().elementwiseKernel("float *x", "x[i] = 1", "k")
                        .call((Object) null)).fails(IAE, "argument 1", "null"));
    }
}
