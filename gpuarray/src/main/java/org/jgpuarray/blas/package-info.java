/**
 * BLAS on GPUArrays: {@link org.jgpuarray.blas.Blas}, from {@link org.jgpuarray.GpuContext#blas()}:
 * GEMM, GEMV, AXPY, DOT and NRM2 in float32 and float64, row-major. cuBLAS, portable tiled kernels or
 * Java, whichever the device offers; {@link org.jgpuarray.blas.Blas#implementation()} tells which.
 */
package org.jgpuarray.blas;
