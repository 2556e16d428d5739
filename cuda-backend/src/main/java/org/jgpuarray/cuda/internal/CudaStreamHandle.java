package org.jgpuarray.cuda.internal;

import jcuda.driver.CUstream;

/**
 * A stream filled in by {@code cuStreamCreate} that can also be read as a number, for the CUDA libraries bound
 * through JNA (which take {@code cudaStream_t} as a plain pointer) and for {@code CudaFeatures.streamHandle()}.
 * Passed to JCuda like any {@link CUstream}.
 */
public final class CudaStreamHandle extends CUstream {
    /** An empty handle for {@code cuStreamCreate} to fill. */
    CudaStreamHandle() {
        // filled by the driver
    }

    /** The {@code CUstream} as the driver returned it. */
    public long address() {
        return getNativePointer();
    }
}
