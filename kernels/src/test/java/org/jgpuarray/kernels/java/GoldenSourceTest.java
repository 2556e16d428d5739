package org.jgpuarray.kernels.java;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/**
 * Generated Java source compared with the expected text in {@code src/test/resources/golden/java}. After an
 * intended change of the generator, rewrite the files with
 * {@code mvn -pl kernels test -Dtest=GoldenSourceTest -Djgpuarray.updateGoldens=true} and review the diff.
 */
class GoldenSourceTest {
    private static final GoldenFiles GOLDEN = GoldenFiles.in("golden/java");

    private static void assertGolden(String name, JavaSource source) {
        GOLDEN.assertMatches(name + ".java", source.source());
    }

    @Test
    void axpy() {
        JavaSource source = JavaSourceGenerator.elementwise(
                ElementwiseSpec.of("axpy", "float a, float *x, float b, float *y, float *c", "c[i] = a*x[i] + b*y[i]"));
        assertGolden("axpy", source);
        Compiled.instance(source, JavaElementwiseKernel.class);
    }

    @Test
    void clampWithPreambleAndControlFlow() {
        String preamble = """
                #define CLAMP(v, a, b) fminf(fmaxf(v, a), b)
                __device__ int sign(float v)
                {
                    if (v > 0) return 1;
                    else if (v < 0) return -1;
                    return 0;
                }
                """;
        String operation = """
                float v = CLAMP(x[i], lo, hi);
                clipped[i] = v != x[i];
                for (int k = 0; k < 2; k++) {
                    v *= 0.5f;
                }
                y[i] = v + sign(x[i]);
                """;
        JavaSource source = JavaSourceGenerator.elementwise(new ElementwiseSpec("clamp",
                ArgumentList.parse("float *x, float lo, float hi, bool *clipped, double *y"), operation, preamble,
                "", ""));
        assertGolden("clamp", source);
        Compiled.instance(source, JavaElementwiseKernel.class);
    }

    @Test
    void maxReduction() {
        JavaSource source = JavaSourceGenerator.reduction(new ReductionSpec("max_float64", ScalarType.FLOAT64,
                "-INFINITY", "(isnan(a) || a > b) ? a : b", "x[i]", ArgumentList.parse("double *x"), ""));
        assertGolden("max_float64", source);
        Compiled.instance(source, JavaReductionKernel.class);
    }

    @Test
    void segmentedSumOverTwoInnerDimensions() {
        IndexSpace space = new IndexSpace(3, java.util.List.of("x"));
        JavaSource source = JavaSourceGenerator.reduction(new ReductionSpec("sum_segmented", ScalarType.FLOAT32, "0",
                "a + b", "x[jga_at_x]", ArgumentList.parse("float *x, " + space.declaration()), "", space, 1));
        assertGolden("sum_segmented", source);
        Compiled.instance(source, JavaSegmentedReductionKernel.class);
    }

    @Test
    void exclusiveSumScan() {
        JavaSource source = JavaSourceGenerator.scan(new ScanSpec("cumsum", ScalarType.INT64, "a + b", "0", false, ""));
        assertGolden("cumsum_exclusive", source);
        Compiled.instance(source, JavaScanKernel.class);
    }
}
