package org.jgpuarray;

import java.util.Arrays;

/**
 * NumPy's {@code dot} of arrays with more than two dimensions: the sum of products over the last axis of the
 * left operand and the second-to-last axis of the right one (its only axis when it is 1-D). The right operand's
 * summed axis is moved to the front, both operands become matrices, and one matrix product does the work.
 */
final class NdDot {
    private NdDot() {
    }

    /**
     * @param a the left operand, not 0-d; not modified
     * @param b the right operand, not 0-d; not modified
     * @return a new array of shape {@code a.shape[:-1] + b.shape[:-2] + b.shape[-1:]}
     */
    static GPUArray dot(GPUArray a, GPUArray b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        int summedAxis = sb.length == 1 ? 0 : sb.length - 2;
        long k = sa[sa.length - 1];
        if (sb[summedAxis] != k) {
            throw new IllegalArgumentException("dot: shapes " + Shapes.format(sa) + " and " + Shapes.format(sb)
                    + " are not aligned: " + k + " (axis " + (sa.length - 1) + ") != " + sb[summedAxis] + " (axis "
                    + summedAxis + ")");
        }
        long rows = product(Arrays.copyOf(sa, sa.length - 1), -1);
        int[] order = new int[sb.length];
        order[0] = summedAxis;
        for (int axis = 0, next = 1; axis < sb.length; axis++) {
            if (axis != summedAxis) {
                order[next++] = axis;
            }
        }
        long columns = product(sb, summedAxis);
        long[] resultShape = new long[sa.length - 1 + sb.length - 1];
        System.arraycopy(sa, 0, resultShape, 0, sa.length - 1);
        for (int j = 1; j < order.length; j++) {
            resultShape[sa.length - 2 + j] = sb[order[j]];
        }
        try (GPUArray left = a.reshape(rows, k); GPUArray moved = b.permute(order);
             GPUArray right = moved.reshape(k, columns); GPUArray product = left.matmul(right)) {
            return product.reshape(resultShape);
        }
    }

    /** The product of the extents of {@code shape} but {@code skipped} (an axis, or -1). */
    private static long product(long[] shape, int skipped) {
        long p = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (axis != skipped) {
                p *= shape[axis];
            }
        }
        return p;
    }
}
