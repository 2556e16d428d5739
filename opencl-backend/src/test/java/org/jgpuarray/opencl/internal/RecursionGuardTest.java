package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.jgpuarray.kernels.lib.BlasKernels;
import org.jgpuarray.kernels.lib.FftKernels;
import org.jgpuarray.kernels.lib.GemmKernels;
import org.jgpuarray.kernels.lib.GemmTiling;
import org.jgpuarray.kernels.lib.PhiloxKernels;
import org.junit.jupiter.api.Test;

/** The recursion scan that keeps recursive OpenCL C (which crashed PoCL) from the compiler. No device needed. */
class RecursionGuardTest {

    @Test
    void findsDirectAndMutualRecursion() {
        assertEquals(Optional.of("depth -> depth"),
                RecursionGuard.cycle("int depth(int k) { return k <= 0 ? 0 : 1 + depth(k - 1); }"));
        assertEquals(Optional.of("even -> odd -> even"), RecursionGuard.cycle("""
                int odd(int k);
                int even(int k) { return k == 0 ? 1 : odd(k - 1); }
                int odd(int k) { if (k == 0) { return 0; } return even(k - 1); }
                __kernel void k(__global int *x) { x[0] = even(x[0]); }
                """));
    }

    @Test
    void ignoresCommentsLiteralsPrototypesAndMacros() {
        assertEquals(Optional.empty(), RecursionGuard.cycle("""
                #define twice(v) (2 * (v))
                #define loop(v) loop_helper(v)
                float helper(float v);
                float helper(float v) { /* helper(v) */ return twice(v); } // helper(v)
                __attribute__((always_inline)) float other(float v) { return helper(v) + 'h'; }
                __kernel void k(__global float *x) { x[0] = other(helper(x[0])); }
                """));
    }

    @Test
    void generatedAndLibrarySourcesAreNotRecursive() {
        List<CSource> sources = List.of(
                CSourceGenerator.elementwise(ElementwiseSpec.of("axpy", "float a, float *x, float *y",
                        "y[i] = a * x[i] + y[i]"), Dialect.OPENCL),
                CSourceGenerator.reduction(new ReductionSpec("dot", ScalarType.FLOAT64, "0", "a + b", "x[i] * x[i]",
                        ArgumentList.parse("double *x"), ""), Dialect.OPENCL),
                BlasKernels.program(Dialect.OPENCL, ScalarType.FLOAT32),
                FftKernels.program(Dialect.OPENCL, ScalarType.FLOAT32, true),
                GemmKernels.program(Dialect.OPENCL, ScalarType.FLOAT64, GemmTiling.GPU),
                PhiloxKernels.program(Dialect.OPENCL, ScalarType.FLOAT32));
        for (CSource source : sources) {
            assertEquals(Optional.empty(), RecursionGuard.cycle(source.source()), source.kernelNames().toString());
        }
    }
}
