package org.jgpuarray.cuda.internal;

import jcuda.driver.CUdeviceptr;
import org.jgpuarray.spi.DeviceBuffer;

/** Device memory from {@code cuMemAlloc}, owned by one {@link CudaDriver}. */
final class CudaBuffer implements DeviceBuffer {
    private final CudaDriver owner;
    private final CudaPointer pointer;
    private final long byteSize;
    private boolean released;

    CudaBuffer(CudaDriver owner, CudaPointer pointer, long byteSize) {
        this.owner = owner;
        this.pointer = pointer;
        this.byteSize = byteSize;
    }

    /** The device address. */
    CudaPointer pointer() {
        return pointer;
    }

    /** The device address plus {@code byteOffset}, checked against the size. */
    CUdeviceptr at(long byteOffset, long bytes) {
        if (byteOffset < 0 || bytes < 0 || byteOffset + bytes > byteSize) {
            throw new IndexOutOfBoundsException("bytes [" + byteOffset + ", " + (byteOffset + bytes)
                    + ") are outside a device buffer of " + byteSize + " bytes");
        }
        return byteOffset == 0 ? pointer : pointer.withByteOffset(byteOffset);
    }

    CudaDriver owner() {
        return owner;
    }

    boolean isReleased() {
        return released;
    }

    void markReleased() {
        released = true;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public void release() {
        owner.memory().free(this);
    }

    @Override
    public String toString() {
        return "CudaBuffer[" + byteSize + " bytes" + (released ? ", released" : "") + "]";
    }
}
