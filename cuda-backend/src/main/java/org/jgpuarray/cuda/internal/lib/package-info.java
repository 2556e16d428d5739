/**
 * The CUDA backend's vendor libraries put together (not API): cuBLAS, cuFFT and cuRAND are loaded once
 * per process ({@link org.jgpuarray.cuda.internal.lib.VendorLibraries}, whose outcome the device probe
 * reports), and each device gets its providers ({@link org.jgpuarray.cuda.internal.lib.CudaLibraries}),
 * created on first request and freed when the device closes.
 */
package org.jgpuarray.cuda.internal.lib;
