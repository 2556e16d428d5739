package org.jgpuarray.internal.portable;

/**
 * Where the signals of one axis lie: signal s, element e at
 * {@code (s / inner) * outer + s % inner + e * stride} (see {@code FftKernels}).
 *
 * @param signals how many signals
 * @param inner   signals that interleave (1 for rows)
 * @param outer   distance between groups of interleaved signals
 * @param stride  distance between a signal's elements
 */
record SignalLayout(long signals, long inner, long outer, long stride) {
    /** {@code count} contiguous signals of {@code length}. */
    static SignalLayout rows(long count, long length) {
        return new SignalLayout(count, 1, length, 1);
    }

    /** The columns of {@code batch} C-order matrices of {@code rows x cols}. */
    static SignalLayout columns(long batch, long rows, long cols) {
        return new SignalLayout(batch * cols, cols, rows * cols, cols);
    }
}
