/**
 * cuRAND as the CUDA backend's vendor {@link org.jgpuarray.spi.RandomProvider} (not API), bound through
 * JNA to the machine's {@code libcurand.so.10} (JCurand stops at CUDA 11.8 and its natives cannot load
 * beside JCuda 12.6): a Philox4_32_10 generator per device, in the device's stream, offered by the core
 * as {@code GpuRandom.deviceLibrary()}.
 */
package org.jgpuarray.cuda.internal.curand;
