/**
 * The OpenCL backend of jgpuarray, through JOCL: {@link org.jgpuarray.opencl.OpenClBackend} (found by
 * {@link java.util.ServiceLoader} under the name {@code opencl}) opens {@link org.jgpuarray.opencl.OpenClDevice}s
 * on any installed ICD (NVIDIA, AMD, Intel, PoCL).
 *
 * <p>Kernels are generated OpenCL C compiled at run time. Built programs are cached in memory per device
 * and as program binaries on disk ({@link org.jgpuarray.opencl.ProgramCacheSettings}) under {@code ~/.cache/jgpuarray/opencl} (or {@code $XDG_CACHE_HOME},
 * or the root named by {@code JGPUARRAY_CACHE_DIR} / {@code -Djgpuarray.cache.dir}); {@code JGPUARRAY_CACHE=0}
 * or {@code -Djgpuarray.cache=false} turns the disk cache off. Entries are keyed by SHA-256 of the source,
 * the options, the platform, device and driver versions and the library version, and are checksummed:
 * a damaged or rejected entry is deleted and rebuilt. {@link org.jgpuarray.opencl.OpenClDevice#cacheStatistics()}
 * counts builds from source, loads from disk and in-memory hits.
 *
 * <p>Kernel time measured by the device ({@code CL_QUEUE_PROFILING_ENABLE}) is what
 * {@code GpuContext.startTimer()} reports on OpenCL.
 */
package org.jgpuarray.opencl;
