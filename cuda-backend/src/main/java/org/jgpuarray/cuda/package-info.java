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
 * {@link org.jgpuarray.device.DeviceException}s with the call and the {@code CUresult}; out of memory is an
 * {@link org.jgpuarray.device.OutOfDeviceMemoryException}; after a sticky error (a kernel fault) every later
 * call says the context is unusable.
 *
 * <p><b>Libraries.</b> {@code ctx.blas()} runs cuBLAS: through JCublas2 where {@code libcublas.so.12}
 * loads (JCublas2 12.6's natives link it), else the machine's cuBLAS of another major version bound
 * through JNA by soname ({@code libcublas.so.13}, {@code .so.12}, {@code .so.11}). {@code ctx.fft()} runs
 * cuFFT ({@code libcufft.so.12}, {@code .so.11}, {@code .so.10}) and {@code GpuRandom.deviceLibrary()}
 * cuRAND's Philox4_32_10 ({@code libcurand.so.10}), both through JNA, since JCufft and JCurand stop at
 * CUDA 11.8 and cannot load beside JCuda 12.6. Each is looked for on the dynamic loader's path, then in
 * the {@code lib64} and {@code lib} folders of {@code CUDA_HOME}, {@code CUDA_PATH} and
 * {@code /usr/local/cuda}; the device properties {@code cublas}, {@code cufft} and {@code curand} (shown
 * by device-query) name what loaded or say why nothing did, and each wrapper's {@code implementation()}
 * says what ran. Where a library is missing, the core's portable kernels serve. The libraries use the
 * backend's stream, so their work is ordered with the kernels; their handles and plans are freed when the
 * context closes. {@code JGPUARRAY_CUDA_LIBRARIES} ({@code none}, or a list of {@code cublas},
 * {@code cublas-jna}, {@code cufft}, {@code curand}) restricts which are used, e.g. to compare with the
 * portable kernels.
 */
package org.jgpuarray.cuda;
