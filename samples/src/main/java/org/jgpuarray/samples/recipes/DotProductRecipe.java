package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.ReductionKernel;

/**
 * "The MapReduce operation with PyCUDA": a dot product as a {@code ReductionKernel} (map {@code x[i]*y[i]},
 * reduce {@code a+b}) over {@code arange(400)}; the answer is the sum of k^2 for k below 400, 21253400.
 */
final class DotProductRecipe implements Recipe {
    private static final int N = 400;
    private static final long EXPECTED = 21253400L;

    @Override
    public String name() {
        return "dot-product";
    }

    @Override
    public String title() {
        return "ReductionKernel dot product of arange(400) with itself (PyCUDA MapReduce)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        ReductionKernel dot = context.reductionKernel(DType.INT32, "0", "a+b", "x[i]*y[i]", "int *x, int *y");
        try (GPUArray x = context.arange(DType.INT32, N);
             GPUArray y = context.arange(DType.INT32, N);
             GPUArray result = dot.call(x, y)) {
            long value = result.toLongArray()[0];
            out.println("VECTOR LENGTH = " + N);
            out.println("x = " + NumpyText.vector(x.toIntArray()));
            out.println("DOT PRODUCT = " + value);
            return Outcome.check(value == EXPECTED && result.ndim() == 0,
                    "dot product " + value + ", expected " + EXPECTED + " (0-d result)");
        }
    }
}
