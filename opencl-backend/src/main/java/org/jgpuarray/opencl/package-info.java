/**
 * The OpenCL backend of jgpuarray, through JOCL: found by {@link java.util.ServiceLoader} under the name
 * {@code opencl}, it opens devices of any installed ICD (NVIDIA, AMD, Intel, PoCL), GPUs first.
 * {@code GpuContext.unwrap(OpenClFeatures.class)} reaches what is particular to it.
 *
 * <p>Kernels are generated OpenCL C compiled at run time; built programs are cached in memory per device
 * and as program binaries on disk, under the cache root of {@code JGPUARRAY_CACHE_DIR} (folder
 * {@code opencl}). Kernel time measured by the device ({@code CL_QUEUE_PROFILING_ENABLE}) is what
 * {@code GpuContext.startTimer()} reports on OpenCL.
 */
package org.jgpuarray.opencl;
