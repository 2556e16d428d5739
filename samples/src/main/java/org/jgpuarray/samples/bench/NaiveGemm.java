package org.jgpuarray.samples.bench;

import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * Row-major float32 {@code C = A B} with one {@link ElementwiseKernel} work item per output element and a
 * loop over the inner dimension: the stand-in the benchmark and the GEMM recipe use until the BLAS
 * library of issue 5 ({@code ctx.blas().gemm}, {@code A.matmul(B)}) lands. Replace the body of
 * {@link #multiply} with that call then; callers need not change. Not thread-safe, like its context.
 */
public final class NaiveGemm {
    /** Shown in reports so that nobody mistakes this for a tuned BLAS. */
    public static final String IMPLEMENTATION = "naive ElementwiseKernel (library GEMM not yet available)";

    private static final String OPERATION = String.join("\n",
            "int row = (int) (i / ncols);",
            "int col = (int) (i % ncols);",
            "float acc = 0.0f;",
            "for (int p = 0; p < depth; p++) {",
            "    acc += a[row * depth + p] * b[p * ncols + col];",
            "}",
            "c[i] = acc;");

    private final ElementwiseKernel kernel;

    /**
     * Compiles the kernel for a context.
     *
     * @param context an open context; not modified
     */
    public NaiveGemm(GpuContext context) {
        this.kernel = context.elementwiseKernel("int nrows, int ncols, int depth, float *a, float *b, float *c",
                OPERATION, "naive_sgemm");
    }

    /**
     * {@code c = a b} with a of {@code m x k}, b of {@code k x n} and c of {@code m x n}, all row-major float32.
     *
     * @param a not modified
     * @param b not modified
     * @param c modified
     * @throws IllegalArgumentException when a size does not match
     */
    public void multiply(GPUArray a, GPUArray b, GPUArray c, int m, int n, int k) {
        if (a.size() != (long) m * k || b.size() != (long) k * n || c.size() != (long) m * n) {
            throw new IllegalArgumentException("gemm " + m + "x" + k + " times " + k + "x" + n + ": got arrays of "
                    + a.size() + ", " + b.size() + " and " + c.size() + " elements");
        }
        kernel.launch((long) m * n, m, n, k, a, b, c);
    }
}
