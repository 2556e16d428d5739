/**
 * The backend service-provider interface, version {@value org.jgpuarray.spi.Backend#SPI_VERSION}: a
 * {@link org.jgpuarray.spi.Backend} found by {@link java.util.ServiceLoader} opens
 * {@link org.jgpuarray.spi.BackendDevice}s that allocate memory, copy data, and compile and launch the
 * kernels described by {@code org.jgpuarray.kernels} specs. For backend implementors only; exported to
 * the project's backend modules, not to applications.
 */
package org.jgpuarray.spi;
