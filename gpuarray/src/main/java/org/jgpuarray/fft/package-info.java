/**
 * Fast Fourier transforms: {@link org.jgpuarray.fft.Fft}, from {@link org.jgpuarray.GpuContext#fft()}:
 * 1-D and 2-D, complex and real, batched, any length, NumPy's normalization.
 */
package org.jgpuarray.fft;
