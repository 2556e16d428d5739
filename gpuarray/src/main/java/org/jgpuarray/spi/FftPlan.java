package org.jgpuarray.spi;

/**
 * A prepared transform of one {@link FftShape}. Used from the device's thread only.
 */
public interface FftPlan {
    /**
     * Transforms {@code in} into {@code out} (distinct buffers, laid out as {@link FftShape} says) and
     * multiplies the result by {@code scale}. Forward transforms use {@code exp(-2 pi i jk / n)},
     * inverse ones {@code exp(+2 pi i jk / n)}; neither normalizes by itself: the core passes
     * {@code scale = 1 / n} for NumPy's inverse convention.
     *
     * @param in      read; a {@link FftKind#COMPLEX_TO_REAL} plan may overwrite it (as cuFFT does), so the
     *                core passes a scratch copy there; other kinds must leave it unmodified
     * @param out     modified
     * @param inverse the sign of the exponent: false for REAL_TO_COMPLEX, true for COMPLEX_TO_REAL
     * @param scale   factor applied to every output value (1 for none)
     */
    void execute(DeviceBuffer in, DeviceBuffer out, boolean inverse, double scale);

    /** Frees the plan's resources. Called once, before the device closes. */
    void release();
}
