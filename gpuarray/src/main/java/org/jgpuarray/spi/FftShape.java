package org.jgpuarray.spi;

import java.util.Arrays;
import org.jgpuarray.kernels.ScalarType;

/**
 * What an {@link FftPlan} transforms: {@code batch} contiguous signals, each of the logical extents
 * {@code dims} (one or two, C order: the last one varies fastest), in the precision of
 * {@code precision} (FLOAT32 for complex64 data, FLOAT64 for complex128).
 *
 * <p>Buffer layouts per signal, one after the other with no gaps:
 * <ul>
 *   <li>{@link FftKind#COMPLEX}: input and output hold {@code prod(dims)} complex values;</li>
 *   <li>{@link FftKind#REAL_TO_COMPLEX}: input {@code prod(dims)} real values, output
 *       {@code dims[0..d-2] * (dims[d-1] / 2 + 1)} complex values (NumPy's {@code rfftn} layout);</li>
 *   <li>{@link FftKind#COMPLEX_TO_REAL}: the reverse; the imaginary parts that Hermitian symmetry
 *       determines are ignored, as NumPy's {@code irfftn} and cuFFT do.</li>
 * </ul>
 *
 * @param kind      the transform
 * @param precision FLOAT32 or FLOAT64
 * @param dims      logical extents, each at least 1; copied
 * @param batch     number of signals, at least 1
 */
public record FftShape(FftKind kind, ScalarType precision, long[] dims, long batch) {
    public FftShape {
        if (precision != ScalarType.FLOAT32 && precision != ScalarType.FLOAT64) {
            throw new IllegalArgumentException("FFT precision must be float32 or float64, got " + precision);
        }
        if (dims.length < 1 || dims.length > 2) {
            throw new IllegalArgumentException("FFTs are 1-D or 2-D, got " + dims.length + " dimensions");
        }
        dims = dims.clone();
        for (long d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("FFT extents must be positive, got " + Arrays.toString(dims));
            }
        }
        if (batch < 1) {
            throw new IllegalArgumentException("FFT batch must be positive, got " + batch);
        }
    }

    /** The extents (a copy). */
    @Override
    public long[] dims() {
        return dims.clone();
    }

    /** Elements of one signal in the logical (real or full complex) domain. */
    public long signalSize() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** Complex elements of one signal on the half-spectrum side of a real transform. */
    public long halfSpectrumSize() {
        return signalSize() / dims[dims.length - 1] * (dims[dims.length - 1] / 2 + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FftShape s && kind == s.kind && precision == s.precision && batch == s.batch
                && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + precision.hashCode()) * 31 + Arrays.hashCode(dims) * 17 + Long.hashCode(batch);
    }

    @Override
    public String toString() {
        return kind + " " + precision.numpyName() + " " + Arrays.toString(dims) + " x" + batch;
    }
}
