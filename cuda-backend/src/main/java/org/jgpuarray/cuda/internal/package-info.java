/**
 * The CUDA backend's driver-API layer (not API): driver start-up, device description, the primary
 * context and its error handling, memory, module loading with JIT logs, launches of the generated
 * kernels and raw modules, event timers, and the hook through which a device offers its vendor libraries
 * ({@link org.jgpuarray.cuda.internal.DeviceLibraries}, implemented in {@code internal.lib}).
 */
package org.jgpuarray.cuda.internal;
