package org.jgpuarray.cuda.internal;

import jcuda.driver.CUdeviceptr;

/**
 * A device address filled in by {@code cuMemAlloc} that can also be read as a number, for the CUDA
 * libraries bound through JNA (which take device pointers as plain 64-bit values). Passed to JCuda
 * and JCublas2 like any {@link CUdeviceptr}.
 */
public final class CudaPointer extends CUdeviceptr {
    /** An empty pointer for {@code cuMemAlloc} to fill. */
    CudaPointer() {
        // filled by the driver
    }

    /** The device address, as the driver returned it (plus any byte offset of this object). */
    public long address() {
        return getNativePointer() + getByteOffset();
    }
}
