/**
 * cuBLAS as the CUDA backend's {@link org.jgpuarray.spi.BlasProvider} (not API): JCublas2 where
 * {@code libcublas.so.12} loads, else the machine's cuBLAS of another major version bound through JNA
 * by soname ({@code libcublas.so.13}, {@code .so.12}, {@code .so.11}). One handle per device, bound to the
 * device's selected stream; row-major operands are passed to column-major cuBLAS swapped, without copies.
 */
package org.jgpuarray.cuda.internal.cublas;
