package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.ISE;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.blas.Transpose;

/**
 * Lifecycles: every object used after it or its context was closed must throw IllegalStateException
 * before any native call; closing twice is harmless; memory shared by views outlives the first close.
 * Cases that close a context run in a child JVM.
 */
final class LifecycleCases {
    private LifecycleCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.run("life.array-close-twice", c -> {
                    GPUArray a = c.zeros(DType.FLOAT32, 3);
                    a.close();
                    a.close();
                }).succeeds(),
                closedArray("life.closed-array-download", GPUArray::toFloatArray),
                closedArray("life.closed-array-add", a -> a.add(1)),
                closedArray("life.closed-array-sum", GPUArray::sum),
                closedArray("life.closed-array-reshape", a -> a.reshape(3, 1)),
                closedArray("life.closed-array-astype", a -> a.astype(DType.INT32)),
                closedArray("life.closed-array-fill", a -> a.fill(1)),
                closedArray("life.closed-array-set", a -> a.set(new float[3])),
                closedArray("life.closed-array-copy", GPUArray::copy),
                closedArray("life.closed-array-item", a -> a.reshape(3).item()),
                closedArray("life.closed-array-cumsum", GPUArray::cumsum),
                closedArray("life.closed-array-max", GPUArray::max),
                closedArray("life.closed-other-dot", a -> c0(a).dot(a)),
                closedArray("life.closed-other-add", a -> c0(a).add(a)),
                closedArray("life.closed-other-matmul", a -> c0(a).matmul(a)),
                closedArray("life.closed-array-kernel", a -> {
                    a.context().elementwiseKernel("float *x", "x[i] = 1", "k").call(a);
                    return null;
                }),
                Case.of("life.view-outlives-base", c -> {
                    GPUArray a = c.f32(1, 2, 3, 4);
                    GPUArray view = c.track(a.reshape(2, 2));
                    a.close();
                    return view.mul(2.0).toFloatArray();
                }).returns(new float[] {2, 4, 6, 8}),
                Case.of("life.input-closed-after-launch", c -> {
                    GPUArray x = c.f32(1, 2, 3);
                    GPUArray y = c.track(x.add(1.0));
                    x.close();
                    return y.toFloatArray();
                }).returns(new float[] {2, 3, 4}),
                closedContext("life.closed-ctx-array-download", (ctx, a) -> a.toFloatArray()),
                closedContext("life.closed-ctx-array-add", (ctx, a) -> a.add(a)),
                afterClose("life.closed-ctx-array-close", (ctx, a) -> {
                    a.close();
                    return a.isClosed();
                }).returns(true).inChild(),
                closedContext("life.closed-ctx-zeros", (ctx, a) -> ctx.zeros(DType.FLOAT32, 2)),
                closedContext("life.closed-ctx-to-gpu", (ctx, a) -> ctx.toGpu(new float[2])),
                closedContext("life.closed-ctx-kernel", (ctx, a) -> ctx.elementwiseKernel("float *x", "x[i] = 1", "k")),
                closedContext("life.closed-ctx-source", (ctx, a) -> ctx.sourceModule("__kernel void k() {}")),
                closedContext("life.closed-ctx-blas", (ctx, a) -> ctx.blas()),
                closedContext("life.closed-ctx-fft", (ctx, a) -> ctx.fft()),
                closedContext("life.closed-ctx-random", (ctx, a) -> ctx.random(1)),
                closedContext("life.closed-ctx-synchronize", (ctx, a) -> {
                    ctx.synchronize();
                    return null;
                }),
                closedContext("life.closed-ctx-timer", (ctx, a) -> ctx.startTimer()),
                closedContext("life.closed-ctx-unwrap", (ctx, a) -> ctx.unwrap(Object.class)),
                afterClose("life.close-twice", (ctx, a) -> {
                    ctx.close();
                    return ctx.isClosed();
                }).returns(true).inChild(),
                before("life.kernel-after-close", ctx -> ctx.elementwiseKernel("int a", "int b = a;", "k"),
                        (k, a) -> {
                    k.launch(10, 1);
                    return null;
                }),
                before("life.array-kernel-after-close", ctx -> ctx.elementwiseKernel("float *x", "x[i] = 2", "k"),
                        (k, a) -> {
                    k.call(a);
                    return null;
                }),
                before("life.reduction-after-close", ctx -> ctx.reductionKernel(DType.INT32, "0", "a + b", "q", "int q"),
                        (k, a) -> k.launch(10, 1)),
                before("life.scan-after-close", ctx -> ctx.inclusiveScanKernel(DType.FLOAT32, "a + b", "0"),
                        (k, a) -> k.call(a)),
                before("life.timer-after-close", GpuContext::startTimer, (t, a) -> t.stopNanos()),
                before("life.blas-after-close", GpuContext::blas, (b, a) -> {
                    b.gemm(Transpose.NONE, Transpose.NONE, 1, a, a, 0, a);
                    return null;
                }),
                before("life.blas-dot-after-close", GpuContext::blas, (b, a) -> b.dot(a, a)),
                before("life.fft-after-close", GpuContext::fft, (f, a) -> f.fft(a)),
                before("life.fft-plan-after-close", ctx -> {
                    ctx.fft().fft(ctx.toGpuComplex(DType.COMPLEX64, new float[16]));
                    return ctx.fft();
                }, (f, a) -> f.rfft(a)),
                before("life.random-after-close", ctx -> ctx.random(7), (r, a) -> r.bits(16)),
                before("life.random-fill-after-close", ctx -> ctx.random(7),
                        (r, a) -> r.fillUniform(a)),
                Case.of("life.fresh-context-after-close", c -> {
                    GpuContext first = c.fresh();
                    first.fft().fft(first.toGpuComplex(DType.COMPLEX64, new float[] {1, 0, 1, 0}));
                    first.close();
                    GpuContext second = c.fresh();
                    return second.fft().fft(second.toGpuComplex(DType.COMPLEX64, new float[] {1, 0, 1, 0})).toFloatArray();
                }).returns(new float[] {2, 0, 0, 0}).inChild(),
                Case.of("life.forgotten-arrays", c -> {
                    GpuContext ctx = c.fresh();
                    for (int k = 0; k < 2000; k++) {
                        ctx.zeros(DType.FLOAT32, 1024).add(1.0);
                    }
                    System.gc();
                    return ctx.full(DType.FLOAT32, 2, 4).sum().item();
                }).returns(8.0).inChild(),
                Case.of("life.other-context-operand", c -> c.zeros(DType.FLOAT32, 2).add(c.track(c.fresh()
                        .zeros(DType.FLOAT32, 2)))).fails(IAE, "different contexts"),
                Case.of("create.empty-backend", c -> GpuContext.create("")).fails(IAE, "backend"),
                Case.of("create.blank-backend", c -> GpuContext.create("  ")).fails(IAE, "backend"),
                Case.of("create.unknown-backend", c -> GpuContext.create("quantum")).fails(IAE, "quantum"),
                Case.of("create.unknown-device", c -> GpuContext.create(c.backend(), "999")).fails(Errors.GPU, "999"),
                Case.of("create.empty-device", c -> GpuContext.create(c.backend(), "")).fails(IAE, "device"));
    }

    /** The array's own context's zeros of its shape: an open operand beside a closed one. */
    private static GPUArray c0(GPUArray closed) {
        return closed.context().zeros(closed.dtype(), closed.shape());
    }

    /** Closes a 3-element float32 array, then calls {@code use} on it: IllegalStateException naming "closed". */
    private static Case closedArray(String name, ArrayUse use) {
        return Case.of(name, c -> {
            GPUArray a = c.zeros(DType.FLOAT32, 3);
            a.close();
            return use.apply(a);
        }).fails(ISE, "closed");
    }

    /** Opens a context and a 3-element float32 array of it, closes the context, then calls {@code use}. */
    private static Case.Pending afterClose(String name, ContextUse<GPUArray> use) {
        return Case.of(name, c -> {
            GpuContext ctx = c.fresh();
            GPUArray a = ctx.zeros(DType.FLOAT32, 3);
            ctx.close();
            return use.apply(ctx, a);
        });
    }

    /** {@link #afterClose}, in a child JVM, expecting IllegalStateException naming "closed". */
    private static Case closedContext(String name, ContextUse<GPUArray> use) {
        return afterClose(name, use).fails(ISE, "closed").inChild();
    }

    /**
     * Makes an object with {@code make} and a 1x3 float32 array, closes the context, then calls
     * {@code use} on both: IllegalStateException naming "closed", in a child JVM.
     */
    private static <T> Case before(String name, Make<T> make, Use<T> use) {
        return Case.of(name, c -> {
            GpuContext ctx = c.fresh();
            T made = make.apply(ctx);
            GPUArray a = ctx.zeros(DType.FLOAT32, 1, 3);
            ctx.close();
            return use.apply(made, a);
        }).fails(ISE, "closed").inChild();
    }

    @FunctionalInterface
    private interface ArrayUse {
        Object apply(GPUArray a) throws Exception;
    }

    @FunctionalInterface
    private interface ContextUse<A> {
        Object apply(GpuContext ctx, A a) throws Exception;
    }

    @FunctionalInterface
    private interface Make<T> {
        T apply(GpuContext ctx) throws Exception;
    }

    @FunctionalInterface
    private interface Use<T> {
        Object apply(T made, GPUArray a) throws Exception;
    }
}
