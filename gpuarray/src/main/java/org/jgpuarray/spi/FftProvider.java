package org.jgpuarray.spi;

/**
 * Fast Fourier transforms on device buffers, offered by a backend through
 * {@link BackendDevice#library(Class)} (cuFFT on CUDA, for instance). Where a device offers none, the
 * core runs its portable kernels. The core caches plans per {@link FftShape} and releases them with
 * the context.
 */
public interface FftProvider {
    /** Which implementation this is, e.g. {@code "cuFFT 11.2 (libcufft.so.11 through JNA)"}. */
    String implementation();

    /**
     * Prepares transforms of one shape (cuFFT's {@code cufftPlanMany}).
     *
     * @param shape not modified
     * @return a plan the core releases once
     * @throws org.jgpuarray.device.UnsupportedCapabilityException when this provider cannot do that shape; the
     *         core then uses its portable implementation for it
     */
    FftPlan plan(FftShape shape);
}
