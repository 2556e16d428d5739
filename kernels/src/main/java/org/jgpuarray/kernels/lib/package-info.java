/**
 * The library kernels, as pure source generators for CUDA C++ and OpenCL C: the tiled GEMM
 * ({@link org.jgpuarray.kernels.lib.GemmKernels}), BLAS levels 1 and 2
 * ({@link org.jgpuarray.kernels.lib.BlasKernels}), the Philox4x32-10 stream
 * ({@link org.jgpuarray.kernels.lib.PhiloxKernels}, with its Java reference
 * {@link org.jgpuarray.kernels.lib.Philox4x32} that defines the mapping every backend follows) and the
 * mixed-radix Stockham and Bluestein FFT ({@link org.jgpuarray.kernels.lib.FftKernels}). The core
 * compiles them as raw programs on devices whose backend offers no library of its own.
 */
package org.jgpuarray.kernels.lib;
