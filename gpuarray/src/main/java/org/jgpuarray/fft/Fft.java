package org.jgpuarray.fft;

import org.jgpuarray.GPUArray;

/**
 * Fast Fourier transforms of the arrays of one context, with NumPy's conventions: get it from
 * {@link org.jgpuarray.GpuContext#fft()}. Forward transforms are unnormalized
 * ({@code X_k = sum_j x_j exp(-2 pi i jk / n)}), inverse ones divide by n; real transforms keep
 * {@code n / 2 + 1} values of the last axis. 1-D transforms act on the last axis and 2-D ones on the
 * last two, batched over the leading axes. Any length works: powers of two fastest, lengths whose prime
 * factors are at most 13 by mixed radix, others by Bluestein's algorithm (with the portable kernels).
 *
 * <p>Complex data are complex64 or complex128 arrays (interleaved pairs); real data float32 or float64
 * (float64/complex128 need fp64). Results are new arrays; inputs are not modified. The device's library
 * (cuFFT) runs where the backend offers it, else portable kernels, or JTransforms on the CPU;
 * {@link #implementation()} tells which. Plans are made once per shape and kept until the context
 * closes. Not thread-safe, like its context.
 */
public interface Fft {
    /** The implementation that runs, e.g. {@code "JTransforms 3.1 (Java, 8 threads)"}. */
    String implementation();

    /**
     * The forward transform along the last axis.
     *
     * @param x complex64 or complex128, at least 1-D; not modified
     * @throws IllegalArgumentException for other dtypes or a 0-d array
     */
    GPUArray fft(GPUArray x);

    /** The inverse of {@link #fft}, scaled by {@code 1 / n}. */
    GPUArray ifft(GPUArray x);

    /**
     * The forward transform over the last two axes.
     *
     * @param x complex64 or complex128, at least 2-D; not modified
     */
    GPUArray fft2(GPUArray x);

    /** The inverse of {@link #fft2}, scaled by {@code 1 / (n0 n1)}. */
    GPUArray ifft2(GPUArray x);

    /**
     * The forward transform of real data along the last axis: {@code n / 2 + 1} values of it.
     *
     * @param x float32 (giving complex64) or float64 (complex128), at least 1-D; not modified
     */
    GPUArray rfft(GPUArray x);

    /**
     * The inverse of {@link #rfft} for an even output length {@code 2 (m - 1)}, m the last extent.
     */
    GPUArray irfft(GPUArray x);

    /**
     * The inverse of {@link #rfft} with output length n along the last axis, whose extent must be
     * {@code n / 2 + 1}. The imaginary parts of the zero and (even n) Nyquist terms are ignored, as in
     * NumPy.
     *
     * @throws IllegalArgumentException when the last extent is not {@code n / 2 + 1}
     */
    GPUArray irfft(GPUArray x, long n);

    /** The forward transform of real data over the last two axes: last axis {@code n1 / 2 + 1}. */
    GPUArray rfft2(GPUArray x);

    /** The inverse of {@link #rfft2} for an even last output extent {@code 2 (m - 1)}. */
    GPUArray irfft2(GPUArray x);

    /** The inverse of {@link #rfft2} with last output extent n; the last input extent is {@code n / 2 + 1}. */
    GPUArray irfft2(GPUArray x, long n);
}
