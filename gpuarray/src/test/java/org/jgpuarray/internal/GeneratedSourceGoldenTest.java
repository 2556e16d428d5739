package org.jgpuarray.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgpuarray.DType;
import org.jgpuarray.BuiltinCatalog;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of generated CUDA and OpenCL sources: user specs of the cookbook recipes and a
 * representative set of built-ins. To accept intended changes, run with
 * {@code -Djgpuarray.golden.update=true} and review the diff of src/test/resources/golden.
 */
class GeneratedSourceGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

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
                "exp_float32_float32", "astype_float32_bool", "sum_int32", "max_float32", "dot_float32_float32"}) {
            assertTrue(builtins.containsKey(name), "catalog lacks " + name);
            specs.put(name, builtins.get(name));
        }
        return specs;
    }

    @Test
    void cudaSources() throws IOException {
        check(Dialect.CUDA, "cu");
    }

    @Test
    void openClSources() throws IOException {
        check(Dialect.OPENCL, "cl");
    }

    @Test
    void everyBuiltinGeneratesInBothDialects() {
        for (Object spec : BuiltinCatalog.list()) {
            for (Dialect d : new Dialect[] {Dialect.CUDA, Dialect.OPENCL}) {
                assertTrue(generate(spec, d).source().contains("__"), "generated " + spec);
            }
        }
        assertTrue(BuiltinCatalog.specs().size() > 400, "the catalog covers every op and dtype");
        assertEquals(DType.FLOAT64, DType.promote(DType.INT32, DType.FLOAT32));
    }

    private static void check(Dialect dialect, String extension) throws IOException {
        String prelude = CSourceGenerator.prelude(dialect);
        for (Map.Entry<String, Object> e : specs().entrySet()) {
            String source = generate(e.getValue(), dialect).source();
            assertTrue(source.startsWith(prelude), "every program starts with the prelude");
            String body = source.substring(prelude.length());
            String file = e.getKey() + "." + extension;
            if (Boolean.getBoolean("jgpuarray.golden.update")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(GOLDEN.resolve(file), body);
            }
            assertEquals(read(file), body, "generated " + dialect + " source of " + e.getKey()
                    + " differs from golden/" + file);
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

    private static String read(String file) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (!Files.exists(path)) {
            throw new IOException("golden file " + path + " is missing; run with -Djgpuarray.golden.update=true");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
