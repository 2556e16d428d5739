package org.jgpuarray.spi;

/** The transforms an {@link FftPlan} computes (cuFFT's C2C, R2C and C2R). */
public enum FftKind {
    /** Complex to complex, forward or inverse. */
    COMPLEX,
    /** Real input to the half spectrum, forward only. */
    REAL_TO_COMPLEX,
    /** Half spectrum to real output, inverse only. */
    COMPLEX_TO_REAL
}
