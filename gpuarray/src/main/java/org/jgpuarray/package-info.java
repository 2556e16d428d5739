/**
 * The public API: {@link org.jgpuarray.GpuContext} opens a device, {@link org.jgpuarray.GPUArray} holds
 * data on it, {@link org.jgpuarray.ElementwiseKernel}, {@link org.jgpuarray.ReductionKernel} and
 * {@link org.jgpuarray.ScanKernel} run C snippets on it, {@link org.jgpuarray.GpuMath} applies math
 * functions and selection ({@code where}, {@code clip}), {@link org.jgpuarray.GpuArrays} joins and splits
 * arrays, and {@link org.jgpuarray.SourceModule} runs hand-written CUDA or OpenCL programs.
 */
package org.jgpuarray;
