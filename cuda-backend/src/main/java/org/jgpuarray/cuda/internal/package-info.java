/**
 * The CUDA backend's driver-API layer (not API): driver start-up, device description, the primary
 * context and its error handling, memory, module loading with JIT logs, launches of the generated
 * kernels and raw modules, event timers.
 */
package org.jgpuarray.cuda.internal;
