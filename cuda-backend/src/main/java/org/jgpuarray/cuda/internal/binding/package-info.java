/**
 * What the CUDA backend's vendor-library bindings share (not API): the search for a shared library by
 * soname across major versions, the outcome of that search with its reason, library versions, status
 * names turned into {@link org.jgpuarray.device.DeviceException}s, and the {@code JGPUARRAY_CUDA_LIBRARIES}
 * switch.
 */
package org.jgpuarray.cuda.internal.binding;
