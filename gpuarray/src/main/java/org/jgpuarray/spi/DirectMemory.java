package org.jgpuarray.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jgpuarray.device.OutOfDeviceMemoryException;

/** {@link PinnedMemory} of a device that copies synchronously: a direct buffer the garbage collector frees. */
public final class DirectMemory implements PinnedMemory {
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;
    private final ByteBuffer buffer;

    private DirectMemory(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /**
     * Allocates a direct buffer of {@code bytes} in the platform's byte order.
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the Java heap has no room for it
     */
    public static DirectMemory allocate(long bytes) {
        if (bytes < 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("cannot allocate " + bytes + " bytes of host memory (at most "
                    + MAX_BYTES + ")");
        }
        try {
            return new DirectMemory(ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder()));
        } catch (OutOfMemoryError e) {
            throw new OutOfDeviceMemoryException("ByteBuffer.allocateDirect", -1, "OutOfMemoryError", bytes);
        }
    }

    @Override
    public ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public long byteSize() {
        return buffer.capacity();
    }

    @Override
    public void release() {
        // the garbage collector frees a direct buffer
    }
}
