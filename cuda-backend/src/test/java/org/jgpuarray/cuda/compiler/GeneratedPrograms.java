package org.jgpuarray.cuda.compiler;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgpuarray.BuiltinCatalog;
import org.jgpuarray.SortCatalog;
import org.jgpuarray.cuda.internal.cufft.CufftKernels;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;

/**
 * Every CUDA program the core generates: each built-in spec of {@link BuiltinCatalog}, the user kernels
 * of the conformance suite (their snippets copied here), scans of every type, the kernels of unique and
 * searchsorted ({@link SortCatalog}), and the kernels around cuFFT.
 */
public final class GeneratedPrograms {
    private GeneratedPrograms() {
    }

    /** Program name to generated CUDA source, in a stable order. */
    public static Map<String, CSource> all() {
        Map<String, CSource> programs = new LinkedHashMap<>();
        BuiltinCatalog.specs().forEach((name, spec) -> programs.put(name, generate(spec)));
        userKernels().forEach(spec -> programs.put(nameOf(spec), generate(spec)));
        for (ScalarType t : new ScalarType[] {ScalarType.INT32, ScalarType.INT64, ScalarType.FLOAT32, ScalarType.FLOAT64}) {
            for (boolean inclusive : new boolean[] {true, false}) {
                ScanSpec sum = new ScanSpec((inclusive ? "cumsum_" : "exclusive_sum_") + t.numpyName(), t, "a + b", "0",
                        inclusive, "");
                programs.put(sum.name(), generate(sum));
            }
        }
        SortCatalog.specs().forEach((name, spec) -> programs.put(name, generate(spec)));
        for (ScalarType t : new ScalarType[] {ScalarType.FLOAT32, ScalarType.FLOAT64}) {
            for (ElementwiseSpec spec : new ElementwiseSpec[] {CufftKernels.scaleSpec(t), CufftKernels.hermitianSpec(t)}) {
                programs.put(spec.name(), generate(spec));
            }
        }
        return programs;
    }

    /** The CUDA source of an ElementwiseSpec, ReductionSpec or ScanSpec. */
    public static CSource generate(Object spec) {
        if (spec instanceof ElementwiseSpec e) {
            return CSourceGenerator.elementwise(e, Dialect.CUDA);
        }
        if (spec instanceof ReductionSpec r) {
            return CSourceGenerator.reduction(r, Dialect.CUDA);
        }
        return CSourceGenerator.scan((ScanSpec) spec, Dialect.CUDA);
    }

    private static String nameOf(Object spec) {
        if (spec instanceof ElementwiseSpec e) {
            return e.name();
        }
        if (spec instanceof ReductionSpec r) {
            return r.name();
        }
        return ((ScanSpec) spec).name();
    }

    /** The conformance suite's user kernels (ElementwiseKernel, ReductionKernel, scan conformance). */
    static java.util.List<Object> userKernels() {
        return java.util.List.of(
                ElementwiseSpec.of("linear_combination", "float a, float *x, float b, float *y, float *c",
                        "c[i] = a*x[i] + b*y[i]"),
                new ElementwiseSpec("control_flow", ArgumentList.parse("int *x, int *out, int terms"),
                        "int v = x[i];\n"
                                + "if (v % 2 == 0) {\n"
                                + "    out[i] = triangle(v);\n"
                                + "} else if (v < 0) {\n"
                                + "    out[i] = -1;\n"
                                + "} else {\n"
                                + "    int s = 0;\n"
                                + "    for (int j = 0; j < terms; j++) { s += SQUARE(j); }\n"
                                + "    int w = v;\n"
                                + "    while (w > 10) { w /= 2; }\n"
                                + "    out[i] = s + w;\n"
                                + "}",
                        "#define SQUARE(q) ((q) * (q))\nint triangle(int m) { return m * (m + 1) / 2; }", "", ""),
                ElementwiseSpec.of("wrap", "int *x, int *out", "out[i] = x[i] * 65536 + 2147483647"),
                new ElementwiseSpec("mixed", ArgumentList.parse("long *idx, float *x, double s, int *out"),
                        "out[i] = (int) (x[i] * scale * s) + (int) (idx[i] % 7); idx[i] = i * n", "",
                        "float scale = 2.0f;", ""),
                ElementwiseSpec.of("bools", "float *x, bool *positive, float *clipped",
                        "positive[i] = x[i] > 0; clipped[i] = positive[i] ? x[i] : 0.0f"),
                ElementwiseSpec.of("first_part", "float *x", "x[i] = i"),
                ElementwiseSpec.of("set_all", "float a, float *x", "x[i] = a"),
                ElementwiseSpec.of("set_ints", "int a, int *x", "x[i] = a"),
                new ReductionSpec("dot_int_recipe", ScalarType.INT32, "0", "a+b", "x[i]*y[i]",
                        ArgumentList.parse("int *x, int *y"), ""),
                new ReductionSpec("max_fmaxf", ScalarType.FLOAT32, "-INFINITY", "fmaxf(a, b)", "x[i]",
                        ArgumentList.parse("float *x"), ""),
                new ReductionSpec("min_portable", ScalarType.FLOAT32, "INFINITY", "min(a, b)", "x[i]",
                        ArgumentList.parse("float *x"), ""),
                new ReductionSpec("abs_sum", ScalarType.FLOAT32, "0", "a+b", "fabs(x[i])", ArgumentList.parse("float *x"), ""),
                new ReductionSpec("scaled_product", ScalarType.FLOAT64, "1", "a*b", "scaled(x[i], s)",
                        ArgumentList.parse("double *x, double s"), "double scaled(double v, double by) { return v * by; }"),
                new ScanSpec("running_max", ScalarType.FLOAT32, "fmaxf(a, b)", "-INFINITY", true, ""));
    }
}
