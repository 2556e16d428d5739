package org.jgpuarray.spi.gpu;

/**
 * How a one-value reduction splits its input on a CPU device (see {@link GpuReduction}): work-items that each
 * read a chunk of consecutive elements start to end, in groups enough to keep every compute unit busy. Pure
 * functions of the sizes.
 */
final class CpuReductionShape {
    /** Elements a work-item reads at least, so that small inputs take few groups. */
    static final long MIN_CHUNK = 1024;

    private CpuReductionShape() {
    }

    /**
     * Groups of {@code block} work-items for {@code n > 0} elements: {@link CpuSegmentShape#GROUPS_PER_UNIT} per
     * compute unit, fewer where the chunks would be shorter than {@link #MIN_CHUNK}.
     */
    static long groups(long n, int block, int computeUnits) {
        long most = (long) CpuSegmentShape.GROUPS_PER_UNIT * computeUnits;
        return Math.max(1, Math.min(most, LaunchGeometry.ceilDiv(n, block * MIN_CHUNK)));
    }

    /** Elements each of {@code items} work-items reads so that together they cover {@code n}. */
    static long chunk(long n, long items) {
        return Math.max(1, LaunchGeometry.ceilDiv(n, items));
    }
}
