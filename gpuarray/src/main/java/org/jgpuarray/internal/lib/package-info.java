/**
 * The library layer behind {@link org.jgpuarray.GpuContext#blas()}, {@link org.jgpuarray.GpuContext#fft()}
 * and {@link org.jgpuarray.GpuContext#random(long)}: argument checks, provider choice (the device's
 * library through {@link org.jgpuarray.spi.BackendDevice#library(Class)}, else the portable kernels),
 * plan caches. Not API.
 */
package org.jgpuarray.internal.lib;
