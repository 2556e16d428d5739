package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.SourceModule;

/**
 * "Understanding the PyCUDA memory model with matrix manipulation": a 5x5 matrix product with a raw
 * kernel, one thread per output element, compared with the CPU.
 */
final class MatrixMultiplyRecipe implements Recipe {
    private static final int N = 5;

    private static final String CUDA = """
            #define MATRIX_SIZE %d
            extern "C" __global__ void matrix_mul(const float *a, const float *b, float *c) {
                int tx = threadIdx.x;
                int ty = threadIdx.y;
                float value = 0.0f;
                for (int k = 0; k < MATRIX_SIZE; ++k) {
                    value += a[ty * MATRIX_SIZE + k] * b[k * MATRIX_SIZE + tx];
                }
                c[ty * MATRIX_SIZE + tx] = value;
            }
            """.formatted(N);

    private static final String OPENCL = """
            #define MATRIX_SIZE %d
            __kernel void matrix_mul(__global const float *a, __global const float *b, __global float *c) {
                int tx = get_local_id(0);
                int ty = get_local_id(1);
                float value = 0.0f;
                for (int k = 0; k < MATRIX_SIZE; ++k) {
                    value += a[ty * MATRIX_SIZE + k] * b[k * MATRIX_SIZE + tx];
                }
                c[ty * MATRIX_SIZE + tx] = value;
            }
            """.formatted(N);

    @Override
    public String name() {
        return "matrix-multiply";
    }

    @Override
    public String title() {
        return "5x5 matrix multiplication with a raw kernel (PyCUDA memory model)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        Optional<String> source = RawKernels.sourceFor(context, CUDA, OPENCL);
        if (source.isEmpty()) {
            return RawKernels.skipped(context);
        }
        HostRandom random = new HostRandom(7);
        float[] a = random.randn(N * N);
        float[] b = random.randn(N * N);
        float[] c;
        try (SourceModule module = context.sourceModule(source.get());
             GPUArray aGpu = context.toGpu(a, N, N);
             GPUArray bGpu = context.toGpu(b, N, N);
             GPUArray cGpu = context.empty(DType.FLOAT32, N, N)) {
            module.function("matrix_mul").launch(new long[] {1, 1}, new long[] {N, N}, aGpu, bGpu, cGpu);
            c = cGpu.toFloatArray();
        }
        float[] cpu = HostMath.matmul(a, b, N, N, N);
        float[] difference = new float[N * N];
        for (int k = 0; k < difference.length; k++) {
            difference[k] = cpu[k] - c[k];
        }
        out.println("-".repeat(80));
        out.println("Matrix A (GPU):");
        out.println(NumpyText.matrix(a, N, N));
        out.println("Matrix B (GPU):");
        out.println(NumpyText.matrix(b, N, N));
        out.println("Matrix C (GPU):");
        out.println(NumpyText.matrix(c, N, N));
        out.println("-".repeat(80));
        out.println("CPU-GPU difference:");
        out.println(NumpyText.matrix(difference, N, N));
        double worst = HostMath.maxAbsDifference(cpu, c);
        return Outcome.check(HostMath.allclose(c, cpu), String.format(Locale.ROOT,
                "allclose(C_gpu, C_cpu): max |difference| %.3g", worst));
    }
}
