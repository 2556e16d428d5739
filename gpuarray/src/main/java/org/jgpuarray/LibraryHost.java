package org.jgpuarray;

import org.jgpuarray.spi.DeviceBuffer;

/** What the library layer (BLAS, FFT, random numbers) needs of its context, and nothing more. */
interface LibraryHost {
    /** A new output array of this context. */
    GPUArray empty(DType dtype, long... shape);

    /**
     * The buffer of an open array of this context.
     *
     * @param role names the array in messages, e.g. "gemm operand A"
     * @throws IllegalArgumentException when the array belongs to another context
     * @throws IllegalStateException    when it is closed
     */
    DeviceBuffer buffer(GPUArray array, String role);

    /** True when {@code array} belongs to the context the libraries serve. */
    boolean owns(GPUArray array);
}
