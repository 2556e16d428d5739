package org.jgpuarray.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgpuarray.DType;
import org.jgpuarray.BuiltinCatalog;
import java.util.regex.Pattern;
import org.jgpuarray.internal.KernelEntryPoints.EntryPoint;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.jgpuarray.kernels.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of generated CUDA and OpenCL sources: user specs of the cookbook recipes and a
 * representative set of built-ins; and, for every built-in, the entry points the backends launch. To
 * accept intended changes, run with {@code -Djgpuarray.updateGoldens=true} and review the diff of
 * src/test/resources/golden.
 */
class GeneratedSourceGoldenTest {
    private static final GoldenFiles GOLDEN = GoldenFiles.in("golden");
    /** Words of the other dialect: a program that contains one was generated from the wrong template. */
    private static final Map<Dialect, Pattern> FOREIGN = Map.of(
            Dialect.CUDA, Pattern.compile("\\b__kernel\\b|\\b__global\\b|\\b__local\\b|get_global_id|barrier\\("),
            Dialect.OPENCL, Pattern.compile("__global__|__shared__|extern \"C\"|threadIdx|blockIdx|__syncthreads"));

    private static Map<String, Object> specs() {
        Map<String, Object> specs = new LinkedHashMap<>();
        specs.put("linear_combination", new ElementwiseSpec("linear_combination",
                ArgumentList.parse("float a, float *x, float b, float *y, float *c"), "c[i] = a*x[i] + b*y[i]",
                "float square(float v) { return v * v; }", "", ""));
        specs.put("dot", new ReductionSpec("dot", ScalarType.INT32, "0", "a+b", "x[i]*y[i]",
                ArgumentList.parse("int *x, int *y"), ""));
        specs.put("cumsum", new ScanSpec("cumsum", ScalarType.FLOAT64, "a+b", "0", true, ""));
        Map<String, Object> builtins = BuiltinCatalog.specs();
        for (String name : new String[] {"add_float32_float32_float32", "div_int32_int32_float64",
                "pow_int64_scalar_int64", "maximum_float64_float64_float64", "lt_float32_int32_bool",
                "exp_float32_float32", "astype_float32_bool", "sum_int32", "max_float32", "dot_float32_float32",
                "sum_float32_seg2_1", "sqdev_int32_seg2_2"}) {
            assertTrue(builtins.containsKey(name), "catalog lacks " + name);
            specs.put(name, builtins.get(name));
        }
        return specs;
    }

    @Test
    void cudaSources() {
        check(Dialect.CUDA, "cu");
    }

    @Test
    void openClSources() {
        check(Dialect.OPENCL, "cl");
    }

    /**
     * Every built-in, in both dialects, declares exactly the entry points the backends launch, each once,
     * with its dialect's kernel qualifier and the parameter list the launch binds; carries its snippet;
     * uses no word of the other dialect; and has balanced braces.
     */
    @Test
    void everyBuiltinGeneratesInBothDialects() {
        Map<String, Object> catalog = BuiltinCatalog.specs();
        assertTrue(catalog.size() > 400, "the catalog covers every op and dtype: " + catalog.size());
        for (Map.Entry<String, Object> e : catalog.entrySet()) {
            for (Dialect d : new Dialect[] {Dialect.CUDA, Dialect.OPENCL}) {
                checkEntryPoints(e.getKey(), e.getValue(), d);
            }
        }
    }

    private static void checkEntryPoints(String name, Object spec, Dialect d) {
        String what = d + " source of " + name;
        CSource generated = generate(spec, d);
        String body = generated.source().substring(CSourceGenerator.prelude(d).length());
        List<EntryPoint> entries = KernelEntryPoints.of(spec, d);
        assertEquals(entries.size(), generated.kernelNames().size(), what + ": kernel names " + generated.kernelNames());
        for (int k = 0; k < entries.size(); k++) {
            String generatedName = generated.kernelNames().get(k);
            assertTrue(generatedName.matches(entries.get(k).name()), what + ": kernel " + k + " is " + generatedName);
        }
        for (EntryPoint entry : entries) {
            int found = KernelEntryPoints.count(KernelEntryPoints.declaration(entry, d), body);
            assertEquals(1, found, () -> what + ": expected one declaration of kernel " + entry.name() + "("
                    + entry.parameters() + "), found " + KernelEntryPoints.linesNaming(body, entry.name()));
        }
        for (String snippet : snippets(spec)) {
            assertTrue(body.contains(snippet), () -> what + " lacks its snippet '" + snippet + "'");
        }
        assertTrue(!FOREIGN.get(d).matcher(body).find(), () -> what + " uses words of the other dialect:\n" + body);
        assertEquals(body.chars().filter(c -> c == '{').count(), body.chars().filter(c -> c == '}').count(),
                () -> what + ": unbalanced braces\n" + body);
    }

    private static List<String> snippets(Object spec) {
        if (spec instanceof ElementwiseSpec e) {
            return e.operation().strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
        ReductionSpec r = (ReductionSpec) spec;
        return List.of("(" + r.neutral() + ")", "(" + r.reduceExpression() + ")", "(" + r.mapExpression() + ")");
    }

    private static void check(Dialect dialect, String extension) {
        String prelude = CSourceGenerator.prelude(dialect);
        for (Map.Entry<String, Object> e : specs().entrySet()) {
            String source = generate(e.getValue(), dialect).source();
            assertTrue(source.startsWith(prelude), "every program starts with the prelude");
            GOLDEN.assertMatches(e.getKey() + "." + extension, source.substring(prelude.length()));
        }
    }

    private static CSource generate(Object spec, Dialect d) {
        if (spec instanceof ElementwiseSpec e) {
            return CSourceGenerator.elementwise(e, d);
        } else if (spec instanceof ReductionSpec r) {
            return CSourceGenerator.reduction(r, d);
        }
        return CSourceGenerator.scan((ScanSpec) spec, d);
    }
}
