package org.jgpuarray.spi.gpu;

import java.nio.ByteBuffer;
import org.jgpuarray.spi.PinnedMemory;

/**
 * Pinned memory of a {@link GpuDevice}: the driver's allocation, tracked by the device so that closing the
 * device frees what the core has not, and released under the device's lock (once; not after the device
 * closed, which freed it).
 */
final class GpuPinned implements PinnedMemory {
    private final GpuDevice device;
    private final PinnedMemory memory;

    GpuPinned(GpuDevice device, PinnedMemory memory) {
        this.device = device;
        this.memory = memory;
    }

    @Override
    public ByteBuffer buffer() {
        return memory.buffer();
    }

    @Override
    public long byteSize() {
        return memory.byteSize();
    }

    @Override
    public void release() {
        device.releasePinned(this);
    }

    /** Frees the driver's memory; the device calls it under its lock, once. */
    void free() {
        memory.release();
    }
}
