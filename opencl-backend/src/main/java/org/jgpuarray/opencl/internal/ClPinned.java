package org.jgpuarray.opencl.internal;

import java.nio.ByteBuffer;
import org.jgpuarray.spi.PinnedMemory;

/**
 * Pinned host memory of an OpenCL device: a {@code CL_MEM_ALLOC_HOST_PTR} buffer mapped for the host's use,
 * which a driver may keep page-locked and copy from by DMA (PoCL's host memory is the buffer itself). Released
 * by unmapping it, then releasing the buffer.
 */
public final class ClPinned implements PinnedMemory {
    private final ClBuffer buffer;
    private final ByteBuffer mapped;
    private final ByteBuffer view;
    private final ClQueue queue;

    /**
     * @param buffer the mapped buffer, at least {@code bytes} and at least one byte long
     * @param mapped the memory {@link ClQueue#map} returned for it
     * @param bytes  the size asked for, which the view shows
     * @param queue  the queue that mapped it, which unmaps it
     */
    ClPinned(ClBuffer buffer, ByteBuffer mapped, long bytes, ClQueue queue) {
        this.buffer = buffer;
        this.mapped = mapped;
        this.view = mapped.duplicate().limit((int) bytes).slice().order(mapped.order());
        this.queue = queue;
    }

    @Override
    public ByteBuffer buffer() {
        return view;
    }

    @Override
    public long byteSize() {
        return view.capacity();
    }

    /** Unmaps the memory, then releases the buffer (the driver frees it once the unmapping has run). */
    @Override
    public void release() {
        try {
            queue.unmap(buffer.mem(), mapped);
        } finally {
            buffer.release();
        }
    }
}
