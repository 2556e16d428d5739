package org.jgpuarray.kernels.c;

import java.util.List;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/**
 * The CUDA and OpenCL source of contiguous elementwise kernels, and of kernels over a one-dimensional index
 * space, compared with the expected text in {@code src/test/resources/golden/c}: the row loop of
 * {@link StridedLoop} is for index spaces of two or more dimensions only, so that these kernels keep their
 * plain grid-stride loop (the CUDA files were written by the generator before that loop existed; the OpenCL
 * ones since have a loop-free branch for launches of exactly one work-item per element). After an intended
 * change, rewrite them with {@code -Djgpuarray.updateGoldens=true} and review the diff.
 */
class FlatSourceGoldenTest {
    private static final GoldenFiles GOLDEN = GoldenFiles.in("golden/c");

    @Test
    void contiguousAxpy() {
        ElementwiseSpec spec = ElementwiseSpec.of("axpy", "float a, float *x, float b, float *y, float *c",
                "c[i] = a*x[i] + b*y[i]");
        GOLDEN.assertMatches("axpy.cl", CSourceGenerator.elementwise(spec, Dialect.OPENCL).source());
        GOLDEN.assertMatches("axpy.cu", CSourceGenerator.elementwise(spec, Dialect.CUDA).source());
    }

    @Test
    void oneDimensionalIndexSpace() {
        IndexSpace space = new IndexSpace(1, List.of("out", "x"));
        ElementwiseSpec spec = new ElementwiseSpec("strided_copy",
                ArgumentList.parse("float *out, float *x, " + space.declaration()), "out[jga_at_out] = x[jga_at_x]",
                "", "", "", space);
        GOLDEN.assertMatches("strided_copy.cl", CSourceGenerator.elementwise(spec, Dialect.OPENCL).source());
        GOLDEN.assertMatches("strided_copy.cu", CSourceGenerator.elementwise(spec, Dialect.CUDA).source());
    }
}
