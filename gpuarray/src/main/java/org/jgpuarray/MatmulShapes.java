package org.jgpuarray;

import java.util.Arrays;

/**
 * NumPy's shape rules of {@code matmul}: the last two axes of each operand are matrices (a 1-D first
 * operand is a row, a 1-D second operand a column, and that added axis is not in the result); the axes
 * before them are batch axes, broadcast against each other by NumPy's rules. Immutable.
 *
 * @param batch  the broadcast batch shape (empty for two matrices or vectors)
 * @param m      rows of each product
 * @param n      columns of each product
 * @param k      the inner extent the products sum over
 * @param result the shape of the result: {@code batch + (m, n)}, without m for a 1-D first operand and
 *               without n for a 1-D second operand
 */
record MatmulShapes(long[] batch, long m, long n, long k, long[] result) {
    MatmulShapes {
        batch = batch.clone();
        result = result.clone();
    }

    @Override
    public long[] batch() {
        return batch.clone();
    }

    @Override
    public long[] result() {
        return result.clone();
    }

    /** The number of products in the batch (1 when there are no batch axes). */
    long batchSize() {
        return Shapes.size(batch);
    }

    /**
     * The shapes of {@code a @ b}.
     *
     * @throws IllegalArgumentException for a 0-d operand, inner extents that differ, or batch axes that
     *                                  do not broadcast; the message quotes both shapes
     */
    static MatmulShapes of(long[] a, long[] b) {
        requireDims(a, 0);
        requireDims(b, 1);
        long[] ma = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] mb = b.length == 1 ? new long[] {b[0], 1} : b;
        long m = ma[ma.length - 2];
        long k = ma[ma.length - 1];
        long kb = mb[mb.length - 2];
        long n = mb[mb.length - 1];
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.format(a) + " and " + Shapes.format(b)
                    + " not aligned: " + k + " (dim " + (a.length - 1) + ") != " + kb + " (dim "
                    + Math.max(0, b.length - 2) + ")");
        }
        long[] batchA = Arrays.copyOf(ma, ma.length - 2);
        long[] batchB = Arrays.copyOf(mb, mb.length - 2);
        long[] batch;
        try {
            batch = Geometry.broadcast(batchA, batchB);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.format(a) + " and " + Shapes.format(b)
                    + " do not broadcast in their batch dimensions: " + Shapes.format(batchA) + " vs "
                    + Shapes.format(batchB), e);
        }
        long[] result = Arrays.copyOf(batch, batch.length + (a.length == 1 ? 0 : 1) + (b.length == 1 ? 0 : 1));
        int d = batch.length;
        if (a.length > 1) {
            result[d++] = m;
        }
        if (b.length > 1) {
            result[d] = n;
        }
        Shapes.size(result);
        return new MatmulShapes(batch, m, n, k, result);
    }

    private static void requireDims(long[] shape, int operand) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("matmul: operand " + operand + " has shape () but needs at least 1"
                    + " dimension; multiply by a 0-d array with mul instead");
        }
    }
}
