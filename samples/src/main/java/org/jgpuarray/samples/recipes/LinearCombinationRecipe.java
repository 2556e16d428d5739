package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Locale;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * "Evaluating element-wise expressions with PyCUDA": the {@code ElementwiseKernel} linear combination
 * {@code c[i] = a*x[i] + b*y[i]} with a = 5, b = 6 over 50 random numbers, checked like the book's
 * {@code assert la.norm((c_gpu - (5*x_gpu + 6*y_gpu)).get()) < 1e-5}.
 */
final class LinearCombinationRecipe implements Recipe {
    private static final int N = 50;

    @Override
    public String name() {
        return "linear-combination";
    }

    @Override
    public String title() {
        return "ElementwiseKernel linear combination c = a*x + b*y (PyCUDA ElementwiseKernel)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        HostRandom random = new HostRandom(50);
        try (GPUArray x = context.toGpu(random.rand(N));
             GPUArray y = context.toGpu(random.rand(N));
             GPUArray c = context.emptyLike(x)) {
            ElementwiseKernel linearCombination = context.elementwiseKernel(
                    "float a, float *x, float b, float *y, float *c", "c[i] = a*x[i] + b*y[i]", "linear_combination");
            linearCombination.call(5f, x, 6f, y, c);
            out.println("x = " + NumpyText.vector(x.toFloatArray()));
            out.println("y = " + NumpyText.vector(y.toFloatArray()));
            out.println("c = " + NumpyText.vector(c.toFloatArray()));
            double norm;
            try (GPUArray fiveX = x.mul(5); GPUArray sixY = y.mul(6); GPUArray expected = fiveX.add(sixY);
                 GPUArray difference = c.sub(expected)) {
                norm = norm(difference.toFloatArray());
            }
            return Outcome.check(norm < 1e-5, String.format(Locale.ROOT, "norm(c - (5*x + 6*y)) = %.3g < 1e-5", norm));
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
