/**
 * The CUDA backend of jgpuarray: {@link org.jgpuarray.cuda.CudaBackend}, found by
 * {@link java.util.ServiceLoader} under the name {@code cuda}, runs every kernel of the core on NVIDIA
 * GPUs through JCuda's driver API.
 *
 * <p><b>Requirements.</b> The NVIDIA driver ({@code libcuda.so.1}) and one CUDA compiler, looked for in
 * this order: NVRTC through JCuda (needs {@code libnvrtc.so.12}); the machine's NVRTC of another major
 * version bound through JNA by soname ({@code libnvrtc.so.13}, {@code .so.12}, {@code .so.11.2}, also in
 * {@code $CUDA_HOME/lib64}); {@code nvcc} from {@code CUDA_HOME}, {@code CUDA_PATH}, {@code PATH} or
 * {@code /usr/local/cuda}. {@code JGPUARRAY_CUDA_COMPILER=jcuda-nvrtc|nvrtc|nvcc} picks one. Without a
 * driver or a compiler the backend is unavailable, with a one-line reason, and
 * {@code GpuContext.create()} moves on to OpenCL or the CPU.
 *
 * <p><b>Compilation.</b> Kernels are compiled for the device's real architecture (a cubin) where the
 * compiler supports it, else to PTX of the newest architecture it supports below the device's, which the
 * driver's JIT finishes. PTX newer than the driver ({@code CUDA_ERROR_UNSUPPORTED_PTX_VERSION}) is
 * reported with both CUDA versions and what to do. Results are cached on disk under
 * {@code ~/.cache/jgpuarray/cuda} ({@code $XDG_CACHE_HOME/jgpuarray/cuda}, or {@code <root>/cuda} for
 * {@code JGPUARRAY_CACHE_DIR=<root>}); {@code JGPUARRAY_CACHE=0} turns that off. Entries are keyed by
 * SHA-256 of source, options, target, compiler and driver versions, and checksummed.
 *
 * <p><b>Execution.</b> One primary context per device; every launch runs asynchronously in the legacy
 * default stream, and copies to the host wait for it. Driver errors become
 * {@link org.jgpuarray.DeviceException}s with the call and the {@code CUresult}; out of memory is an
 * {@link org.jgpuarray.OutOfDeviceMemoryException}; after a sticky error (a kernel fault) every later
 * call says the context is unusable.
 */
package org.jgpuarray.cuda;
