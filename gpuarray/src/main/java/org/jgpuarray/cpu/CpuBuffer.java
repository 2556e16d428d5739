package org.jgpuarray.cpu;

import java.lang.reflect.Array;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * CPU "device memory": a Java primitive array of the type's storage class ({@code byte[]} for bool,
 * {@code float[]} of interleaved pairs for complex64, ...). Released by the garbage collector.
 */
final class CpuBuffer implements DeviceBuffer {
    private final Object array;
    private final ScalarType type;
    private final int componentBytes;

    CpuBuffer(Object array, ScalarType type) {
        this.array = array;
        this.type = type;
        this.componentBytes = type.isComplex() ? type.byteSize() / 2 : type.byteSize();
    }

    /** The backing array, which generated kernels read and write. */
    Object array() {
        return array;
    }

    ScalarType type() {
        return type;
    }

    /** The array index of a byte offset. */
    int index(long byteOffset) {
        return (int) (byteOffset / componentBytes);
    }

    /** Array components per byte count. */
    int components(long bytes) {
        return (int) (bytes / componentBytes);
    }

    /** Stores a boxed value at index 0 (the result of a reduction). */
    void setFirst(Object boxed) {
        Array.set(array, 0, boxed);
    }

    @Override
    public long byteSize() {
        return (long) Array.getLength(array) * componentBytes;
    }

    @Override
    public void release() {
        // the garbage collector frees the array once no buffer refers to it
    }
}
