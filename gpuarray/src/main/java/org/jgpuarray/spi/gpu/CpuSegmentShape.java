package org.jgpuarray.spi.gpu;

/**
 * How a segmented reduction with at least a block of outputs splits its inner positions into parts on a CPU
 * device (see {@link GpuSegmentedReduction}). Pure functions of the sizes.
 */
final class CpuSegmentShape {
    /**
     * Inner positions (rows) a part of the OpenCL {@code columns} kernel reduces: enough strips for both threads
     * of a CPU and partials few enough to combine quickly (on PoCL 64 and 256 rows were no faster).
     */
    static final long COLUMN_ROWS = 128;
    /** Groups each compute unit gets at least, so that a thread that starts late still finds work. */
    static final int GROUPS_PER_UNIT = 4;
    /** Partial results kept at most (16 MiB of float32). */
    static final long MAX_PARTIALS = 1L << 22;

    private CpuSegmentShape() {
    }

    /** Parts of the {@code count} rows of {@code outer} outputs for the {@code columns} kernel. */
    static long columnParts(long outer, long count) {
        long parts = LaunchGeometry.ceilDiv(count, COLUMN_ROWS);
        return Math.max(1, Math.min(parts, MAX_PARTIALS / outer));
    }

    /**
     * Parts of segments of {@code count} positions lying together in memory, a thread each, in {@code tiles}
     * groups: one part unless there are too few groups for the compute units.
     */
    static long segmentParts(long count, long tiles, int computeUnits) {
        long wanted = LaunchGeometry.ceilDiv((long) GROUPS_PER_UNIT * computeUnits, tiles);
        return Math.max(1, Math.min(wanted, count));
    }
}
