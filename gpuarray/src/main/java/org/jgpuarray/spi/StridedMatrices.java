package org.jgpuarray.spi;

import java.util.Objects;

/**
 * Where the row-major matrices of a strided batch lie in one device buffer: matrix {@code i} of the batch
 * starts at element {@code offset + i * stride} of {@code buffer}, and its rows are {@code ld} elements
 * apart. A stride of 0 reuses one matrix for the whole batch (a broadcast operand). Offsets, leading
 * dimensions and strides count elements, not bytes. Immutable.
 *
 * @param buffer the buffer; not modified by this record
 * @param offset the element where matrix 0 starts, at least 0
 * @param ld     elements from one row to the next, at least 1
 * @param stride elements from one matrix to the next, at least 0
 */
public record StridedMatrices(DeviceBuffer buffer, long offset, long ld, long stride) {
    /**
     * Checks the numbers.
     *
     * @throws NullPointerException     for a null buffer
     * @throws IllegalArgumentException for a negative offset or stride, or a leading dimension under 1
     */
    public StridedMatrices {
        Objects.requireNonNull(buffer, "buffer");
        if (offset < 0 || ld < 1 || stride < 0) {
            throw new IllegalArgumentException("strided matrices need offset >= 0, ld >= 1 and stride >= 0; got offset "
                    + offset + ", ld " + ld + ", stride " + stride);
        }
    }

    /** One matrix at element 0 of {@code buffer}, rows {@code ld} apart (stride 0). */
    public static StridedMatrices of(DeviceBuffer buffer, long ld) {
        return new StridedMatrices(buffer, 0, ld, 0);
    }

    /** The element where matrix {@code i} of the batch starts. */
    public long start(long i) {
        return offset + i * stride;
    }

    /** The same matrices, the batch starting {@code matrices} matrices later. */
    public StridedMatrices skip(long matrices) {
        return new StridedMatrices(buffer, start(matrices), ld, stride);
    }
}
