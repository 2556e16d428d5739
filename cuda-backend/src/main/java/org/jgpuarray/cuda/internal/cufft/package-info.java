/**
 * cuFFT as the CUDA backend's {@link org.jgpuarray.spi.FftProvider} (not API), bound through JNA to the
 * machine's {@code libcufft.so.12}, {@code .so.11} or {@code .so.10} (JCufft stops at CUDA 11.8 and its
 * natives cannot load beside JCuda 12.6). One {@code cufftPlanMany} plan per shape, in the device's
 * stream; the scale factor (1/n of the inverse transforms) is applied by a one-line elementwise kernel,
 * and complex-to-real input is made Hermitian first, so that cuFFT gives NumPy's answers where the half
 * spectrum is not Hermitian (a case cuFFT leaves undefined).
 */
package org.jgpuarray.cuda.internal.cufft;
