/**
 * The portable library implementations: jgpuarray's BLAS, Philox, FFT and radix sort kernels compiled as raw
 * CUDA or OpenCL programs and launched through the backend SPI, used where a device offers no library
 * of its own. Not API.
 */
package org.jgpuarray.internal.portable;
