package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/** "Evaluating element-wise expressions with PyOpenCL": the sum of two float vectors with an ElementwiseKernel. */
final class ElementwiseSumRecipe implements Recipe {
    private static final int N = 100;

    @Override
    public String name() {
        return "elementwise-sum";
    }

    @Override
    public String title() {
        return "ElementwiseKernel sum of two vectors (PyOpenCL ElementwiseKernel)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        HostRandom random = new HostRandom(101);
        float[] a = random.rand(N);
        float[] b = random.rand(N);
        ElementwiseKernel sum = context.elementwiseKernel("float *a_gpu, float *b_gpu, float *res_gpu",
                "res_gpu[i] = a_gpu[i] + b_gpu[i]", "sum");
        float[] result;
        try (GPUArray aGpu = context.toGpu(a); GPUArray bGpu = context.toGpu(b); GPUArray res = context.emptyLike(aGpu)) {
            sum.call(aGpu, bGpu, res);
            result = res.toFloatArray();
        }
        out.println(context.backendName() + " ELEMENTWISE SUM OF TWO VECTORS");
        out.println("VECTOR LENGTH = " + N);
        out.println("INPUT VECTOR 1");
        out.println(NumpyText.vector(a));
        out.println("INPUT VECTOR 2");
        out.println(NumpyText.vector(b));
        out.println("OUTPUT VECTOR RESULT A + B ");
        out.println(NumpyText.vector(result));
        for (int k = 0; k < N; k++) {
            if (result[k] != a[k] + b[k]) {
                return Outcome.failed("res[" + k + "] = " + result[k] + ", expected " + (a[k] + b[k]));
            }
        }
        return Outcome.ok("res == a + b exactly for all " + N + " elements");
    }
}
