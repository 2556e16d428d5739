package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Arrays;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.GpuMath;

/**
 * Stream compaction, the PyOpenCL idiom {@code pyopencl.algorithm.copy_if(x, "ary[i] > 1")}, and PyCUDA's
 * {@code if_positive(x, x, zeros)} (a ReLU), which used to need hand-written scan kernels: here
 * {@code x.get(x.gt(1.0))} keeps the elements above 1 in order (a scan of the mask places them),
 * {@code countNonzero} counts them, {@code nonzero} plus {@code take} finds them again by position, and
 * {@code GpuMath.ifPositive} zeroes the negatives. Checked exactly against a Java loop.
 */
final class CopyIfRecipe implements Recipe {
    private static final int N = 100_003;

    @Override
    public String name() {
        return "copy-if";
    }

    @Override
    public String title() {
        return "stream compaction with a boolean mask (PyOpenCL copy_if) and if_positive (PyCUDA)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        float[] host = new HostRandom(11).randn(N);
        float[] kept;
        float[] found;
        float[] relu;
        long count;
        try (GPUArray x = context.toGpu(host); GPUArray large = x.gt(1.0); GPUArray compacted = x.get(large);
             GPUArray zero = context.zerosLike(x); GPUArray positivePart = GpuMath.ifPositive(x, x, zero)) {
            count = large.countNonzero();
            GPUArray[] where = large.nonzero();
            try (GPUArray positions = where[0]; GPUArray again = x.take(positions)) {
                found = again.toFloatArray();
            }
            kept = compacted.toFloatArray();
            relu = positivePart.toFloatArray();
        }
        float[] expectedKept = new float[N];
        int k = 0;
        float[] expectedRelu = new float[N];
        for (int i = 0; i < N; i++) {
            if (host[i] > 1.0) {
                expectedKept[k++] = host[i];
            }
            expectedRelu[i] = host[i] > 0 ? host[i] : 0;
        }
        expectedKept = Arrays.copyOf(expectedKept, k);
        out.println("N = " + N);
        out.println("KEPT (x > 1) = " + count);
        out.println("kept = " + NumpyText.vector(kept));
        out.println("relu = " + NumpyText.vector(relu));
        boolean passed = Arrays.equals(expectedKept, kept) && Arrays.equals(expectedKept, found) && count == k
                && Arrays.equals(expectedRelu, relu);
        return Outcome.check(passed, count + " of " + N + " kept in order, equal to a Java loop; x.take(nonzero)"
                + " agrees; if_positive exact");
    }
}
