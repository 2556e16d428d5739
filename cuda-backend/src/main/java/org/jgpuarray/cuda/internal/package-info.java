/**
 * The CUDA backend's driver-API layer (not API): driver start-up, device description and launch limits,
 * the primary context and its error handling, memory, module loading with JIT logs, kernel launches,
 * event timers, and {@link org.jgpuarray.cuda.internal.CudaDriver}, the CUDA half of the shared
 * {@code GpuDevice}, with the hook through which a device offers its vendor libraries
 * ({@link org.jgpuarray.cuda.internal.DeviceLibraries}, implemented in {@code internal.lib}).
 */
package org.jgpuarray.cuda.internal;
