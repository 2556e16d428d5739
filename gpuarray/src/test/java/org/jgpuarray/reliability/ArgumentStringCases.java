package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;

/** Argument strings and kernel names of elementwise kernels. */
final class ArgumentStringCases {
    private ArgumentStringCases() {
    }

    static List<Case> cases() {
        return List.of(
                compile("args.trailing-comma", "float *x,").fails(IAE, "parameter 2"),
                compile("args.missing-name", "float *").fails(IAE, "malformed parameter 1"),
                compile("args.unknown-type", "quaternion *q").fails(IAE, "unknown type 'quaternion'"),
                compile("args.duplicate-name", "float *x, int x").fails(IAE, "'x' appears twice"),
                compile("args.reserved-n", "float *n").fails(IAE, "'n'", "reserved"),
                compile("args.reserved-i", "float *x, int i").fails(IAE, "'i'", "reserved"),
                compile("args.keyword-name", "float *x, int while").fails(IAE, "'while'", "reserved"),
                compile("args.double-pointer", "float **x").fails(IAE, "malformed parameter 1"),
                compile("args.array-brackets", "float x[]").fails(IAE, "malformed parameter 1"),
                compile("args.two-names", "float *x y").fails(IAE, "parameter 1"),
                compile("args.semicolon", "float *x;").fails(IAE, "malformed parameter 1"),
                compile("args.empty-middle", "float *x, , float *y").fails(IAE, "malformed parameter 2"),
                compile("args.digit-name", "float *9x").fails(IAE, "malformed parameter 1"),
                compile("args.reference", "float &x").fails(IAE, "malformed parameter 1"),
                compile("args.default-value", "float *x = 0").fails(IAE, "malformed parameter 1"),
                compile("args.vector-type", "float4 *x").fails(IAE, "unknown type 'float4'"),
                compile("args.void-pointer", "void *x").fails(IAE, "unknown type 'void'"),
                compile("args.unsigned", "unsigned int *x").fails(IAE, "unknown type 'unsigned int'"),
                compile("args.complex", "complex64 *x").fails(IAE, "unknown type 'complex64'"),
                compile("args.non-ascii-name", "float *\u00e4").fails(IAE, "malformed parameter 1"),
                compile("args.only-commas", ",,").fails(IAE, "malformed parameter 1"),
                Case.of("args.spacing-and-const", c -> {
                    GPUArray x = c.zeros(DType.FLOAT32, 3);
                    c.ctx().elementwiseKernel("  const   float*restrict   y ,float   *   x ", "x[i] = 2", "k").call(x, x);
                    return x.toFloatArray();
                }).returns(new float[] {2, 2, 2}),
                Case.of("args.long-list", c -> {
                    StringBuilder args = new StringBuilder("float *x");
                    StringBuilder sum = new StringBuilder("x[i] = 0");
                    Object[] values = new Object[61];
                    values[0] = c.zeros(DType.FLOAT32, 2);
                    for (int k = 1; k <= 60; k++) {
                        args.append(", int a").append(k);
                        sum.append(" + a").append(k);
                        values[k] = k;
                    }
                    c.ctx().elementwiseKernel(args.toString(), sum.toString(), "many").call(values);
                    return ((GPUArray) values[0]).toFloatArray();
                }).returns(new float[] {1830, 1830}),
                Case.of("args.none-call", c -> {
                    c.ctx().elementwiseKernel("", "int unused = 1;", "no_args").call();
                    return null;
                }).fails(IAE, "no array argument", "launch(n"),
                Case.of("args.none-launch", c -> {
                    c.ctx().elementwiseKernel("", "int unused = 1;", "no_args2").launch(5);
                    return "ran";
                }).returns("ran"),
                name("name.empty", "").fails(IAE, "kernel name"),
                name("name.digit", "9lives").fails(IAE, "kernel name", "9lives"),
                name("name.space", "my kernel").fails(IAE, "kernel name"),
                name("name.dash", "my-kernel").fails(IAE, "kernel name"),
                name("name.keyword", "for").fails(IAE, "kernel name"),
                nameWorks("name.long-256", "k".repeat(256)),
                nameWorks("name.builtin-sin", "sin"),
                nameWorks("name.builtin-main", "main"),
                nameWorks("name.builtin-select", "select"),
                nameWorks("name.builtin-exp", "exp"),
                nameWorks("name.underscore", "_"),
                nameWorks("name.internal-prefix", "jga_fill_float32"));
    }

    /** Compiles a kernel with this argument string and a trivial operation. */
    private static Case.Pending compile(String name, String arguments) {
        return Case.of(name, c -> c.ctx().elementwiseKernel(arguments, "int unused = 0;", "k"));
    }

    private static Case.Pending name(String caseName, String kernelName) {
        return Case.of(caseName, c -> c.ctx().elementwiseKernel("float *x", "x[i] = 1", kernelName));
    }

    /** A kernel of this name compiles and runs. */
    private static Case nameWorks(String caseName, String kernelName) {
        return Case.of(caseName, c -> {
            GPUArray x = c.zeros(DType.FLOAT32, 4);
            c.ctx().elementwiseKernel("float *x", "x[i] = i + 0.5f", kernelName).call(x);
            return x.toFloatArray();
        }).returns(new float[] {0.5f, 1.5f, 2.5f, 3.5f});
    }
}
