package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.SourceModule;

/**
 * "How to build a PyCUDA application": double a 5x5 float32 matrix in place with a raw kernel, one
 * thread per element in a single 5x5 block.
 */
final class DoubleMatrixRecipe implements Recipe {
    private static final int N = 5;

    private static final String CUDA = """
            extern "C" __global__ void double_matrix(float *a) {
                int idx = threadIdx.x + threadIdx.y * 5;
                a[idx] *= 2.0f;
            }
            """;

    private static final String OPENCL = """
            __kernel void double_matrix(__global float *a) {
                int idx = get_local_id(0) + get_local_id(1) * 5;
                a[idx] *= 2.0f;
            }
            """;

    @Override
    public String name() {
        return "double-matrix";
    }

    @Override
    public String title() {
        return "double a 5x5 matrix with a raw kernel (PyCUDA SourceModule)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        Optional<String> source = RawKernels.sourceFor(context, CUDA, OPENCL);
        if (source.isEmpty()) {
            return RawKernels.skipped(context);
        }
        float[] a = new HostRandom(5).randn(N * N);
        float[] doubled;
        try (SourceModule module = context.sourceModule(source.get());
             GPUArray aGpu = context.toGpu(a, N, N)) {
            module.function("double_matrix").launch(new long[] {1, 1}, new long[] {N, N}, aGpu);
            doubled = aGpu.toFloatArray();
        }
        out.println("ORIGINAL MATRIX");
        out.println(NumpyText.matrix(a, N, N));
        out.printf("DOUBLED MATRIX AFTER %s EXECUTION%n", context.backendName().toUpperCase(java.util.Locale.ROOT));
        out.println(NumpyText.matrix(doubled, N, N));
        float[] expected = a.clone();
        for (int k = 0; k < expected.length; k++) {
            expected[k] *= 2;
        }
        return Outcome.check(Arrays.equals(expected, doubled), "every element is exactly twice the original");
    }
}
