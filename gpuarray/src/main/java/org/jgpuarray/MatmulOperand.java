package org.jgpuarray;

import java.util.Arrays;
import java.util.Optional;

/**
 * One operand of a batched matrix product as a BLAS takes it without a copy: each matrix row-major (or,
 * for a transposed view, column-major, passed as the stored matrix with the transpose flag), rows
 * {@code ld} elements apart, and the matrices of the batch at fixed strides from {@code offset}, 0 along
 * broadcast batch axes. Immutable.
 *
 * @param transposed   whether the matrices are stored transposed (unit stride down the columns)
 * @param ld           elements between stored rows, at least 1 and at least a stored row's length
 * @param offset       the element of the buffer where the first matrix starts
 * @param batchStrides elements between matrices along each batch axis, none negative
 */
record MatmulOperand(boolean transposed, long ld, long offset, long[] batchStrides) {
    MatmulOperand {
        batchStrides = batchStrides.clone();
    }

    @Override
    public long[] batchStrides() {
        return batchStrides.clone();
    }

    /**
     * How a BLAS can read the matrices of {@code g} (at least 2-D) seen with batch shape {@code batch}, or
     * empty when it cannot (a negative stride, or matrix axes of which neither has unit stride, or rows that
     * overlap): the operand must then be copied.
     *
     * @param g     the operand's geometry, its last two axes the matrix axes
     * @param batch the batch shape it is broadcast to
     */
    static Optional<MatmulOperand> of(Geometry g, long[] batch) {
        long[] shape = g.shape();
        int nd = shape.length;
        long rows = shape[nd - 2];
        long cols = shape[nd - 1];
        long[] target = Arrays.copyOf(batch, batch.length + 2);
        target[batch.length] = rows;
        target[batch.length + 1] = cols;
        long[] strides = g.broadcastTo(target).strides();
        long[] batchStrides = Arrays.copyOf(strides, batch.length);
        if (Arrays.stream(batchStrides).anyMatch(s -> s < 0)) {
            return Optional.empty();
        }
        long rowStride = strides[batch.length];
        long colStride = strides[batch.length + 1];
        if (cols == 1 || colStride == 1) {
            long ld = rows == 1 ? Math.max(1, cols) : rowStride;
            if (ld >= Math.max(1, cols)) {
                return Optional.of(new MatmulOperand(false, ld, g.offset(), batchStrides));
            }
        }
        if (rows == 1 || rowStride == 1) {
            long ld = cols == 1 ? Math.max(1, rows) : colStride;
            if (ld >= Math.max(1, rows)) {
                return Optional.of(new MatmulOperand(true, ld, g.offset(), batchStrides));
            }
        }
        return Optional.empty();
    }
}
