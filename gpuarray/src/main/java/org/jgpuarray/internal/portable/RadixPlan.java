package org.jgpuarray.internal.portable;

import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.SortKernels;

/**
 * How {@link PortableSort} sorts {@code rows} rows of {@code cols} elements: as {@code rows} segments, one
 * tile or more each, or, for short rows, as one segment ordered by (row, rank) through extra passes over the
 * digits of the row number (the items then carry their index as a value). Counts per pass are
 * {@code segments * RADIX * tilesPerSegment}; as segments, rows of 3 elements would need 16 counts per row and
 * pass, as one segment they cost a few passes instead.
 *
 * @param rankPasses      passes over the digits of the items' ranks
 * @param rowPasses       passes over the digits of the row number (0 when rows are segments)
 * @param segments        independently sorted segments
 * @param segmentLength   elements per segment
 * @param tilesPerSegment tiles (groups) per segment
 */
record RadixPlan(int rankPasses, int rowPasses, long segments, long segmentLength, long tilesPerSegment) {
    /** Rows shorter than this are sorted as one segment by (row, rank). */
    static final long SHORT_ROW = 128;

    /** The plan for a non-empty buffer. */
    static RadixPlan of(ScalarType type, long rows, long cols) {
        int rankPasses = SortKernels.passes(SortKernels.keyBits(type));
        boolean joined = rows > 1 && cols < SHORT_ROW;
        long segments = joined ? 1 : rows;
        long length = joined ? rows * cols : cols;
        int rowBits = joined ? 64 - Long.numberOfLeadingZeros(rows - 1) : 0;
        return new RadixPlan(rankPasses, SortKernels.passes(rowBits), segments, length,
                (length + SortKernels.TILE - 1) / SortKernels.TILE);
    }

    /** All passes. */
    int passes() {
        return rankPasses + rowPasses;
    }

    /** Whether items carry their index even when only the sorted items are wanted. */
    boolean joined() {
        return rowPasses > 0;
    }

    /** Groups of the count and scatter kernels. */
    long groups() {
        return segments * tilesPerSegment;
    }

    /** Digit counts per pass. */
    long counts() {
        return groups() * SortKernels.RADIX;
    }

    /** The shift of pass {@code p}'s digit. */
    int shift(int p) {
        return SortKernels.RADIX_BITS * (p < rankPasses ? p : p - rankPasses);
    }

    /** Whether pass {@code p} takes its digit from the row number. */
    boolean rowPass(int p) {
        return p >= rankPasses;
    }
}
