package org.jgpuarray.cuda.compiler;

/** Hand-written CUDA of the PyCUDA cookbook, as users pass it to {@code GpuContext.sourceModule}. */
public final class RawRecipes {
    /** PyCUDA's "double a 4x4 matrix" kernel, written as in its tutorial (C++ linkage, 4x4 block). */
    public static final String DOUBLIFY = """
            __global__ void doublify(float *a)
            {
              int idx = threadIdx.x + threadIdx.y*4;
              a[idx] *= 2;
            }
            """;

    /** A 5x5 variant of the doubling kernel with a bounds check, launched with a 5x5 block. */
    public static final String DOUBLE_5X5 = """
            extern "C" __global__ void double_matrix(float *a, int width)
            {
              int x = threadIdx.x, y = threadIdx.y;
              if (x < width && y < width) {
                a[y * width + x] *= 2.0f;
              }
            }
            """;

    /** The PyCUDA wiki's MatrixMulKernel for one block, with the size as a macro. */
    public static final String MATRIX_MUL = """
            #ifndef MATRIX_SIZE
            #define MATRIX_SIZE 4
            #endif
            __global__ void MatrixMulKernel(float *a, float *b, float *c)
            {
                int tx = threadIdx.x;
                int ty = threadIdx.y;
                float Pvalue = 0;
                for (int k = 0; k < MATRIX_SIZE; ++k) {
                    float Aelement = a[ty * MATRIX_SIZE + k];
                    float Belement = b[k * MATRIX_SIZE + tx];
                    Pvalue += Aelement * Belement;
                }
                c[ty * MATRIX_SIZE + tx] = Pvalue;
            }
            """;

    private RawRecipes() {
    }
}
