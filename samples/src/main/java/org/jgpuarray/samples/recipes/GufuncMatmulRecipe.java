package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * The book's NumbaPro example "matrix multiplication with {@code @guvectorize}": a generalized ufunc of
 * signature {@code (m,n),(n,p)->(m,p)} over int64, applied to two 10x10 matrices of random integers in
 * [0, 10). {@code GPUArray.matmul} is that gufunc: int64 matrices give an int64 product (wrapping on
 * overflow, as NumPy's does), and like a gufunc it loops over leading axes, so a stack of 1000 pairs is
 * one call. Both results are checked exactly against a host triple loop in long arithmetic.
 */
final class GufuncMatmulRecipe implements Recipe {
    private static final int DIM = 10;
    private static final int STACK = 1000;

    @Override
    public String name() {
        return "gufunc-matmul";
    }

    @Override
    public String title() {
        return "int64 matrix multiplication as a generalized ufunc (NumbaPro @guvectorize, (m,n),(n,p)->(m,p))";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        HostRandom random = new HostRandom(10);
        long[] a = random.randintLong(DIM, DIM * DIM);
        long[] b = random.randintLong(DIM, DIM * DIM);
        long[] c;
        try (GPUArray aGpu = context.toGpu(a, DIM, DIM); GPUArray bGpu = context.toGpu(b, DIM, DIM);
             GPUArray cGpu = aGpu.matmul(bGpu)) {
            c = cGpu.toLongArray();
            out.printf(Locale.ROOT, "C: %s, dtype %s, shape (%d, %d)%n", context.blas().implementation(),
                    cGpu.dtype().numpyName(), DIM, DIM);
        }
        out.println("INPUT MATRIX A");
        out.println(":\n" + NumpyText.matrix(a, DIM, DIM));
        out.println("INPUT MATRIX B");
        out.println(":\n" + NumpyText.matrix(b, DIM, DIM));
        out.println("RESULT MATRIX C = A*B");
        out.println(":\n" + NumpyText.matrix(c, DIM, DIM));
        boolean single = Arrays.equals(c, HostMath.matmul(a, b, DIM, DIM, DIM));
        int mismatches = stackMismatches(context, out);
        return Outcome.check(single && mismatches == 0, String.format(Locale.ROOT,
                "C equals the host's int64 product: %s; %d stacked 2x4 @ 4x5 products, %d differ",
                single, STACK, mismatches));
    }

    /** The gufunc over a stack: {@code (1000, 2, 4) @ (1000, 4, 5)}, each product checked; returns the mismatches. */
    private static int stackMismatches(GpuContext context, PrintWriter out) {
        long[] a = new long[STACK * 2 * 4];
        long[] b = new long[STACK * 4 * 5];
        Arrays.setAll(a, i -> i);
        Arrays.setAll(b, i -> i);
        long[] c;
        try (GPUArray aGpu = context.toGpu(a, STACK, 2, 4); GPUArray bGpu = context.toGpu(b, STACK, 4, 5);
             GPUArray cGpu = aGpu.matmul(bGpu)) {
            c = cGpu.toLongArray();
        }
        int mismatches = 0;
        for (int q = 0; q < STACK; q++) {
            long[] expected = HostMath.matmul(Arrays.copyOfRange(a, q * 8, q * 8 + 8),
                    Arrays.copyOfRange(b, q * 20, q * 20 + 20), 2, 5, 4);
            if (!Arrays.equals(expected, Arrays.copyOfRange(c, q * 10, q * 10 + 10))) {
                mismatches++;
            }
        }
        out.println("STACKED: (" + STACK + ", 2, 4) @ (" + STACK + ", 4, 5) -> (" + STACK + ", 2, 5), last product");
        out.println(":\n" + NumpyText.matrix(Arrays.copyOfRange(c, (STACK - 1) * 10, STACK * 10), 2, 5));
        return mismatches;
    }
}
