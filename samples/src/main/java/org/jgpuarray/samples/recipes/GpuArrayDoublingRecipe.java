package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Arrays;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/** "Kernel invocations with GPUArray": {@code (2 * a_gpu).get()} on a 4x4 matrix, no kernel written by hand. */
final class GpuArrayDoublingRecipe implements Recipe {
    private static final int N = 4;

    @Override
    public String name() {
        return "gpuarray-double";
    }

    @Override
    public String title() {
        return "double a 4x4 matrix with GPUArray arithmetic (PyCUDA gpuarray)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        float[] a = new HostRandom(4).randn(N * N);
        float[] doubled;
        try (GPUArray aGpu = context.toGpu(a, N, N); GPUArray twice = aGpu.mul(2)) {
            doubled = twice.toFloatArray();
            out.println("ORIGINAL MATRIX");
            out.println(NumpyText.matrix(a, N, N));
            out.println("DOUBLED MATRIX AFTER " + context.backendName().toUpperCase(java.util.Locale.ROOT)
                    + " EXECUTION USING GPUARRAY CALL");
            out.println(NumpyText.matrix(doubled, N, N));
            float[] expected = a.clone();
            for (int k = 0; k < expected.length; k++) {
                expected[k] *= 2;
            }
            return Outcome.check(Arrays.equals(expected, doubled) && twice.dtype() == aGpu.dtype(),
                    "2 * a equals a doubled on the host, dtype " + twice.dtype().numpyName());
        }
    }
}
