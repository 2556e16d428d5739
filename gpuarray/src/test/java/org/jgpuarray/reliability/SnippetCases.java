package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.GPU;
import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.KCE;
import static org.jgpuarray.reliability.Expectation.anyOf;
import static org.jgpuarray.reliability.Expectation.fails;
import static org.jgpuarray.reliability.Expectation.returns;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;

/**
 * Snippets: operations, preambles, reduction and scan expressions that do not compile, that the C subset
 * of the CPU backend refuses, or that stress the compilers (size, nesting, recursion). Where C leaves the
 * result undefined (integer division by zero) the case asks only for no crash and, where the backend
 * detects it, a clear error.
 */
final class SnippetCases {
    private static final String RECURSIVE = "int depth(int k) { return k <= 0 ? 0 : 1 + depth(k - 1); }";
    private static final String NOT_TAIL = "int grow(int k) { if (k <= 0) { return 1; } int r = grow(k - 1);"
            + " return r * 3 + 1; }";
    private static final String MUTUAL = "int odd(int k);\nint even(int k) { return k == 0 ? 1 : odd(k - 1); }\n"
            + "int odd(int k) { return k == 0 ? 0 : even(k - 1); }";

    private SnippetCases() {
    }

    static List<Case> cases() {
        return List.of(
                op("snippet.syntax-error", "x[i] = ;").fails(KCE, "kernel 'k'"),
                op("snippet.undefined-name", "x[i] = nothing_here;").fails(KCE, "nothing_here"),
                op("snippet.unterminated-comment", "x[i] = 1; /* never closed").fails(KCE, "kernel 'k'"),
                op("snippet.unbalanced-open", "{ x[i] = 1;").fails(KCE, "kernel 'k'"),
                op("snippet.unbalanced-close", "x[i] = 1; }").expect(anyOf(fails(KCE, "kernel 'k'"), fails(IAE, "}"))),
                op("snippet.empty", "").fails(IAE, "empty operation"),
                op("snippet.blank", " \n\t ").fails(IAE, "empty operation"),
                op("snippet.comment-only", "// nothing to do").returns(new float[] {7, 7, 7}),
                // C lets the block redeclare i (x[0] = 1 only); the CPU's Java translation cannot shadow it
                op("snippet.redeclares-i", "int i = 0; x[i] = 1;").expect(anyOf(returns(new float[] {1, 7, 7}),
                        fails(KCE, "kernel 'k'"))),
                op("snippet.string-literal", "x[i] = \"text\";").fails(KCE, "kernel 'k'"),
                // clang only warns (and PoCL's gives 1e23); the CPU's translator refuses it
                op("snippet.int-literal-too-large", "x[i] = 99999999999999999999999;").expect(anyOf(
                        returns(new float[] {1e23f, 1e23f, 1e23f}), fails(KCE, "kernel 'k'"))),
                op("snippet.uses-n", "x[i] = n;").returns(new float[] {3, 3, 3}),
                op("snippet.literal-suffixes", "x[i] = 1.5f + 2.0 + 1L;").returns(new float[] {4.5f, 4.5f, 4.5f}),
                op("snippet.float-literal-overflow", "x[i] = 1e400;").expect(anyOf(
                        returns(new float[] {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY}),
                        fails(KCE, "kernel 'k'"))),
                op("snippet.goto", "goto done; done: x[i] = 1;").expect(anyOf(returns(new float[] {1, 1, 1}),
                        fails(KCE, "goto"))),
                op("snippet.pointer-arithmetic", "x[i] = *(x + i) + 1;").expect(anyOf(returns(new float[] {8, 8, 8}),
                        fails(KCE, "dereference"))),
                op("snippet.include", "#include <nonexistent_header.h>\nx[i] = 1;").expect(anyOf(fails(KCE, "kernel 'k'"),
                        fails(IAE, "include"))),
                op("snippet.non-ascii-comment", "x[i] = 1; // gr\u00fc\u00dfe, \u4e16\u754c").returns(new float[] {1, 1, 1}),
                op("snippet.nul-character", "x[i] = 1;\u0000 x[i] = 2;").expect(anyOf(fails(KCE, "kernel 'k'"),
                        fails(IAE, "kernel 'k'"), returns(new float[] {2, 2, 2}))),
                op("snippet.many-statements", "x[i] = x[i] + 1;\n".repeat(5000)).expect(anyOf(
                        returns(new float[] {5007, 5007, 5007}), fails(KCE, "kernel 'k'"))),
                deep("snippet.deep-parentheses", "x[i] = " + "(".repeat(3000) + "1" + ")".repeat(3000) + ";", 1),
                deep("snippet.parentheses-200", "x[i] = " + "(".repeat(200) + "1" + ")".repeat(200) + ";", 1),
                deep("snippet.deep-blocks", "{".repeat(2000) + "x[i] = 1;" + "}".repeat(2000), 1),
                deep("snippet.deep-unary", "x[i] = " + "- ".repeat(4000) + "1;", 1),
                deep("snippet.sum-of-10000", "x[i] = 1" + " + 1".repeat(10000) + ";", 10001),
                deep("snippet.sum-of-100000", "x[i] = 1" + " + 1".repeat(100000) + ";", 100001),
                deep("snippet.nested-if-1000", "if (x[i] > 0) ".repeat(1000) + "x[i] = 1;", 1),
                deep("snippet.else-if-1000", "if (x[i] > 100) x[i] = 1; else ".repeat(1000) + "x[i] = 2;", 2),
                deep("snippet.nested-ternary-300", "x[i] = " + "x[i] > 0 ? 1 : (".repeat(300) + "0" + ")".repeat(300)
                        + ";", 1),
                preamble("snippet.preamble-syntax-error", "int helper( {", "x[i] = 1;").fails(KCE, "kernel 'k'"),
                preamble("snippet.preamble-unterminated-if", "#if 1\nint helper(int v) { return v; }", "x[i] = 1;")
                        .expect(anyOf(fails(KCE, "kernel 'k'"), fails(IAE, "#if"))),
                preamble("snippet.helper-shadows-math", "float sin(float v) { return v + 1; }", "x[i] = sin(x[i]);")
                        .expect(anyOf(returns(new float[] {8, 8, 8}), fails(KCE, "sin"))),
                // OpenCL C forbids recursion (PoCL crashed on it): refused there; CUDA and the CPU run it
                preamble("snippet.recursion-shallow", RECURSIVE, "x[i] = depth(5);")
                        .expect(anyOf(returns(new float[] {5, 5, 5}), fails(KCE, "recursion", "depth -> depth")))
                        .inChild(),
                preamble("snippet.recursion-not-tail", NOT_TAIL, "x[i] = grow(3);")
                        .expect(anyOf(returns(new float[] {40, 40, 40}), fails(KCE, "recursion", "grow -> grow")))
                        .inChild(),
                preamble("snippet.recursion-mutual", MUTUAL, "x[i] = even(6);")
                        .expect(anyOf(returns(new float[] {1, 1, 1}), fails(KCE, "recursion", "-> even")))
                        .inChild(),
                preamble("snippet.recursion-deep", RECURSIVE, "x[i] = depth(100000000);")
                        .expect(anyOf(returns(new float[] {1e8f, 1e8f, 1e8f}),
                                fails(GPU, "kernel 'k'", "recursion too deep"), fails(KCE, "recursion")))
                        .inChild(),
                preamble("snippet.recursion-deep-not-tail", NOT_TAIL, "x[i] = grow(100000000) > 0;")
                        // CUDA: the device stack overflows, a launch failure (DeviceException)
                        .expect(anyOf(returns(new float[] {1, 1, 1}), fails(GPU, "kernel 'k'", "recursion too deep"),
                                fails(KCE, "recursion"), fails(org.jgpuarray.device.DeviceException.class, "")))
                        .inChild(),
                Case.of("snippet.loop-prep-error", c -> c.ctx().elementwiseKernelBuilder("float *x", "x[i] = 1", "k")
                        .loopPrep("int q = ;").build()).fails(KCE, "kernel 'k'"),
                Case.of("snippet.int-division-by-zero", c -> {
                    c.requireNoHostTraps("integer division by zero");
                    GPUArray x = c.zeros(DType.INT32, 4);
                    c.ctx().elementwiseKernel("int *x", "x[i] = 1 / x[i]", "k").call(x);
                    return x.toIntArray();
                }).expect(anyOf(fails(GPU, "kernel 'k'"), Expectation.succeeds())).inChild(),
                Case.of("snippet.int-divide-arrays-by-zero", c -> {
                    c.requireNoHostTraps("integer division by zero");
                    GPUArray out = c.zeros(DType.INT32, 3);
                    c.ctx().elementwiseKernel("int *x, int *y, int *out", "out[i] = x[i] / y[i] + x[i] % y[i]", "k")
                            .call(c.i32(5, 6, 7), c.i32(0, 0, 0), out);
                    return out.toIntArray();
                }).expect(anyOf(fails(GPU, "kernel 'k'"), Expectation.succeeds())).inChild(),
                Case.of("snippet.int-min-over-minus-one", c -> {
                    c.requireNoHostTraps("INT_MIN / -1");
                    GPUArray x = c.i32(Integer.MIN_VALUE, -1);
                    GPUArray out = c.zeros(DType.INT32, 2);
                    c.ctx().elementwiseKernel("int *x, int *out", "out[i] = x[0] / x[1]", "k").call(x, out);
                    return out.toIntArray();
                }).expect(anyOf(fails(GPU, "kernel 'k'"), Expectation.succeeds())).inChild(),
                Case.of("reduction.map-syntax-error", c -> c.ctx().reductionKernel(DType.FLOAT32, "0", "a + b",
                        "x[i] +", "float *x")).fails(KCE, "reduce"),
                Case.of("reduction.undefined-neutral", c -> c.ctx().reductionKernel(DType.FLOAT32, "zero", "a + b",
                        "x[i]", "float *x")).fails(KCE, "zero"),
                Case.of("reduction.empty-reduce", c -> c.ctx().reductionKernel(DType.FLOAT32, "0", "", "x[i]",
                        "float *x")).fails(IAE, "empty"),
                Case.of("reduction.empty-map", c -> c.ctx().reductionKernel(DType.FLOAT32, "0", "a + b", " ",
                        "float *x")).fails(IAE, "empty"),
                Case.of("scan.syntax-error", c -> c.ctx().inclusiveScanKernel(DType.INT32, "a +", "0"))
                        .fails(KCE, "scan"),
                Case.of("scan.empty-neutral", c -> c.ctx().exclusiveScanKernel(DType.INT32, "a + b", ""))
                        .fails(IAE, "empty"));
    }

    /**
     * Code nested or chained deeply: in-process native compilers recurse over it (PoCL crashed the JVM for
     * 200 nested parentheses on a 1 MiB stack), the CPU's translator too. Either the right answer or a
     * compile error; run in a child JVM.
     */
    private static Case deep(String name, String operation, float value) {
        return op(name, operation).expect(anyOf(returns(new float[] {value, value, value}), fails(KCE, "kernel 'k'")))
                .inChild();
    }

    /** Compiles {@code operation} over {@code float *x} and runs it on {7, 7, 7}; returns x. */
    private static Case.Pending op(String name, String operation) {
        return preamble(name, "", operation);
    }

    private static Case.Pending preamble(String name, String preamble, String operation) {
        return Case.of(name, c -> {
            ElementwiseKernel k = c.ctx().elementwiseKernelBuilder("float *x", operation, "k").preamble(preamble).build();
            GPUArray x = c.f32(7, 7, 7);
            k.call(x);
            return x.toFloatArray();
        });
    }
}
