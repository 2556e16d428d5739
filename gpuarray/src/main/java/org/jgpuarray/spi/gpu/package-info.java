/**
 * The toolkit of backends that compile C sources (CUDA, OpenCL): {@link org.jgpuarray.spi.gpu.GpuDevice}
 * implements the SPI once over a {@link org.jgpuarray.spi.gpu.GpuDriver} that supplies what differs
 * between such backends (memory, building and loading programs, launching kernels). Launch orchestration
 * of generated kernels, argument binding, scratch memory, launch geometry and limits, and the program
 * cache in memory and on disk ({@link org.jgpuarray.spi.gpu.CacheSettings}) are written here once. For
 * backend implementors only.
 */
package org.jgpuarray.spi.gpu;
