package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.GPU;
import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.ISE;
import static org.jgpuarray.reliability.Errors.KCE;
import static org.jgpuarray.reliability.Errors.NPE;
import static org.jgpuarray.reliability.Errors.UNSUPPORTED;
import static org.jgpuarray.reliability.Expectation.anyOf;
import static org.jgpuarray.reliability.Expectation.fails;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.RawKernel;
import org.jgpuarray.SourceModule;
import org.jgpuarray.device.LocalMemory;

/**
 * Raw source modules (CUDA C++ or OpenCL C written by hand): bad source, names, launch sizes and
 * arguments, and use after close. All but the CPU's refusal run in a child JVM on CUDA and OpenCL (the CPU
 * backend skips them: it runs no raw source).
 */
final class RawSourceCases {
    private static final String OPENCL = "__kernel void set(__global float *x, float a, int n) {"
            + " int k = get_global_id(0); if (k < n) x[k] = a; }";
    private static final String CUDA = "__global__ void set(float *x, float a, int n) {"
            + " int k = blockIdx.x * blockDim.x + threadIdx.x; if (k < n) x[k] = a; }";
    private static final String OPENCL_LOCAL = "__kernel void local_copy(__global float *x, __local float *s) {"
            + " int k = get_local_id(0); s[k] = x[k]; barrier(CLK_LOCAL_MEM_FENCE); x[k] = s[1 - k]; }";
    private static final String CUDA_LOCAL = "__global__ void local_copy(float *x) { extern __shared__ float s[];"
            + " int k = threadIdx.x; s[k] = x[k]; __syncthreads(); x[k] = s[1 - k]; }";
    private static final String OPENCL_RECURSIVE = "int depth(int k) { return k <= 0 ? 0 : 1 + depth(k - 1); }\n"
            + "__kernel void rec(__global int *x) { x[0] = depth(5); }";
    private static final String CUDA_RECURSIVE = "__device__ int depth(int k) { return k <= 0 ? 0 : 1 + depth(k - 1); }\n"
            + "__global__ void rec(int *x) { x[0] = depth(5); }";
    private static final long[] ONE = {1};
    private static final long[] FOUR = {4};

    private RawSourceCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("raw.cpu-refuses", c -> {
                    if (c.gpu()) {
                        throw new org.opentest4j.TestAbortedException("the CPU backend's refusal");
                    }
                    return c.ctx().sourceModule(OPENCL);
                }).fails(UNSUPPORTED, "raw"),
                raw("raw.garbage-source", c -> module(c, "this is not a kernel")).fails(KCE, ""),
                raw("raw.empty-source", c -> module(c, "").function("set")).expect(anyOf(fails(KCE, ""),
                        fails(IAE, "'set'"))),
                raw("raw.nul-in-source", c -> module(c, source(c) + "\u0000 garbage").function("set"))
                        .expect(anyOf(fails(KCE, ""), fails(IAE, "nul"), Expectation.succeeds())),
                raw("raw.bad-option", c -> c.track(c.ctx().sourceModule(source(c), "--no-such-option-at-all")))
                        .fails(KCE, ""),
                raw("raw.missing-kernel", c -> set(c, "nothing")).fails(IAE, "'nothing'"),
                raw("raw.launch-ok", c -> {
                    GPUArray x = c.zeros(DType.FLOAT32, 5);
                    set(c, "set").launch(new long[] {2}, FOUR, x, 2.5f, 5);
                    return x.toFloatArray();
                }).returns(new float[] {2.5f, 2.5f, 2.5f, 2.5f, 2.5f}),
                raw("raw.launch-global-ok", c -> {
                    GPUArray x = c.zeros(DType.FLOAT32, 3);
                    set(c, "set").launchGlobal(FOUR, new long[] {2}, x, 1f, 3);
                    return x.toFloatArray();
                }).returns(new float[] {1, 1, 1}),
                launch("raw.no-dimensions", new long[0], new long[0]).fails(IAE, "1 to 3"),
                launch("raw.four-dimensions", new long[] {1, 1, 1, 1}, new long[] {1, 1, 1, 1}).fails(IAE, "1 to 3"),
                launch("raw.dimension-mismatch", new long[] {1, 1}, ONE).fails(IAE, "1 to 3"),
                launch("raw.zero-block", ONE, new long[] {0}).fails(IAE, "positive"),
                launch("raw.negative-grid", new long[] {-1}, ONE).fails(IAE, "positive"),
                launch("raw.huge-block", ONE, new long[] {1 << 20}).fails(IAE, "block"),
                launch("raw.huge-grid", new long[] {1L << 40}, ONE).fails(IAE, "grid"),
                launch("raw.null-grid", null, ONE).fails(NPE, "grid"),
                launch("raw.null-block", ONE, null).fails(NPE, "block"),
                raw("raw.global-not-multiple", c -> {
                    set(c, "set").launchGlobal(new long[] {5}, new long[] {2}, c.zeros(DType.FLOAT32, 5), 1f, 5);
                    return null;
                }).fails(IAE, "multiple"),
                raw("raw.global-zero-local", c -> {
                    set(c, "set").launchGlobal(FOUR, new long[] {0}, c.zeros(DType.FLOAT32, 4), 1f, 4);
                    return null;
                }).fails(IAE, "positive"),
                raw("raw.global-null", c -> {
                    set(c, "set").launchGlobal(null, ONE, c.zeros(DType.FLOAT32, 4), 1f, 4);
                    return null;
                }).fails(NPE, "global"),
                args("raw.too-few-args", c -> new Object[] {c.zeros(DType.FLOAT32, 4), 1f}).expect(anyOf(
                        fails(IAE, "3", "2"), fails(GPU, "set"))),
                args("raw.too-many-args", c -> new Object[] {c.zeros(DType.FLOAT32, 4), 1f, 4, 5}).expect(anyOf(
                        fails(IAE, "3", "4"), fails(GPU, "set"))),
                args("raw.double-for-float", c -> new Object[] {c.zeros(DType.FLOAT32, 4), 1.0, 4}).expect(anyOf(
                        fails(IAE, "argument 2"), fails(GPU, "argument 2"))),
                args("raw.string-arg", c -> new Object[] {c.zeros(DType.FLOAT32, 4), "1", 4}).fails(IAE, "argument 2",
                        "String"),
                args("raw.null-arg", c -> new Object[] {null, 1f, 4}).fails(IAE, "argument 1", "null"),
                args("raw.null-args", c -> null).fails(NPE, "args"),
                args("raw.closed-array", c -> {
                    GPUArray x = c.zeros(DType.FLOAT32, 4);
                    x.close();
                    return new Object[] {x, 1f, 4};
                }).fails(ISE, "closed"),
                args("raw.other-context-array", c -> new Object[] {c.track(c.fresh().zeros(DType.FLOAT32, 4)), 1f, 4})
                        .fails(IAE, "another context"),
                args("raw.scalar-for-pointer", c -> new Object[] {3f, 1f, 4}).expect(anyOf(fails(IAE, "argument 1"),
                        fails(GPU, "argument 1"))),
                raw("raw.local-memory-zero", c -> new LocalMemory(0)).fails(IAE, "positive"),
                raw("raw.local-memory-huge", c -> {
                    module(c, c.backend().equals("cuda") ? CUDA_LOCAL : OPENCL_LOCAL).function("local_copy")
                            .launch(ONE, ONE, c.zeros(DType.FLOAT32, 1), new LocalMemory(1L << 40));
                    return null;
                }).fails(IAE, "1099511627776", "shared memory"),
                raw("raw.local-memory-ok", c -> {
                    GPUArray x = c.f32(4, 5);
                    module(c, c.backend().equals("cuda") ? CUDA_LOCAL : OPENCL_LOCAL).function("local_copy")
                            .launch(ONE, new long[] {2}, x, new LocalMemory(8));
                    return x.toFloatArray();
                }).returns(new float[] {5, 4}),
                raw("raw.recursive-source", c -> {
                    GPUArray x = c.zeros(DType.INT32, 1);
                    module(c, c.backend().equals("cuda") ? CUDA_RECURSIVE : OPENCL_RECURSIVE).function("rec")
                            .launch(ONE, ONE, x);
                    return x.toIntArray();
                }).expect(anyOf(Expectation.returns(new int[] {5}), fails(KCE, "recursion", "depth -> depth"))),
                raw("raw.function-after-module-close", c -> {
                    SourceModule m = module(c, source(c));
                    m.close();
                    return m.function("set");
                }).fails(ISE, "closed"),
                raw("raw.launch-after-module-close", c -> {
                    SourceModule m = module(c, source(c));
                    RawKernel k = m.function("set");
                    m.close();
                    k.launch(ONE, ONE, c.zeros(DType.FLOAT32, 1), 1f, 1);
                    return null;
                }).fails(ISE, "closed"),
                raw("raw.launch-global-after-module-close", c -> {
                    SourceModule m = module(c, source(c));
                    RawKernel k = m.function("set");
                    m.close();
                    k.launchGlobal(ONE, ONE, c.zeros(DType.FLOAT32, 1), 1f, 1);
                    return null;
                }).fails(ISE, "closed"),
                raw("raw.launch-after-context-close", c -> {
                    GpuContext ctx = c.fresh();
                    RawKernel k = ctx.sourceModule(source(c)).function("set");
                    GPUArray x = ctx.zeros(DType.FLOAT32, 1);
                    ctx.close();
                    k.launch(ONE, ONE, x, 1f, 1);
                    return null;
                }).fails(ISE, "closed"),
                raw("raw.module-close-after-context-close", c -> {
                    GpuContext ctx = c.fresh();
                    SourceModule m = ctx.sourceModule(source(c));
                    ctx.close();
                    m.close();
                    m.close();
                    return "closed";
                }).returns("closed"));
    }

    private static String source(CaseContext c) {
        return c.backend().equals("cuda") ? CUDA : OPENCL;
    }

    private static SourceModule module(CaseContext c, String source) {
        return c.track(c.ctx().sourceModule(source));
    }

    private static RawKernel set(CaseContext c, String name) {
        return module(c, source(c)).function(name);
    }

    /** A raw case: skipped on the CPU, run in a child JVM elsewhere. */
    private static Case.Pending raw(String name, Case.Body body) {
        return Case.of(name, c -> {
            c.requireGpu("raw source modules");
            return body.run(c);
        }).inChild();
    }

    private static Case.Pending launch(String name, long[] grid, long[] block) {
        return raw(name, c -> {
            set(c, "set").launch(grid, block, c.zeros(DType.FLOAT32, 4), 1f, 4);
            return null;
        });
    }

    private static Case.Pending args(String name, ArgumentMaker make) {
        return raw(name, c -> {
            set(c, "set").launch(ONE, FOUR, make.make(c));
            return null;
        });
    }

    @FunctionalInterface
    private interface ArgumentMaker {
        Object[] make(CaseContext c) throws Exception;
    }
}
