/**
 * The backend service-provider interface: a {@link org.jgpuarray.spi.Backend} found by
 * {@link java.util.ServiceLoader} opens {@link org.jgpuarray.spi.BackendDevice}s that allocate memory,
 * copy data, and compile and launch the kernels described by {@code org.jgpuarray.kernels} specs.
 */
package org.jgpuarray.spi;
