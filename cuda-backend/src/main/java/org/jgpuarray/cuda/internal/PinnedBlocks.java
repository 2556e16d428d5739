package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemHostAlloc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import jcuda.Pointer;
import jcuda.driver.JCudaDriver;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.spi.PinnedMemory;

/**
 * Page-locked host memory of one {@link CudaDriver}: {@code cuMemHostAlloc} with
 * {@code CU_MEMHOSTALLOC_PORTABLE} (pinned for every context of the process, so that a block serves copies to
 * any GPU), seen from Java as a direct buffer over the same memory. The driver copies to and from it by DMA,
 * asynchronously. Every live block is remembered, so that closing the device frees them all. Thread-safe: a
 * block may be released from another thread than the device's (a cleaner), never twice.
 */
final class PinnedBlocks {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");
    /** The largest block: a direct buffer's capacity is an int. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final CudaContext context;
    private final Set<Block> live = Collections.newSetFromMap(new IdentityHashMap<>());

    PinnedBlocks(CudaContext context) {
        this.context = context;
    }

    /**
     * {@code cuMemHostAlloc(bytes, CU_MEMHOSTALLOC_PORTABLE)} (at least one byte is allocated).
     *
     * @throws IllegalArgumentException    for a negative size or one beyond a direct buffer's
     * @throws OutOfDeviceMemoryException  when the driver has no page-locked memory left for it
     */
    PinnedMemory allocate(long bytes) {
        if (bytes < 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("cannot allocate " + bytes + " bytes of pinned host memory (0 to "
                    + MAX_BYTES + ")");
        }
        Pointer host = new Pointer();
        context.enter();
        try {
            int result = cuMemHostAlloc(host, Math.max(bytes, 1), JCudaDriver.CU_MEMHOSTALLOC_PORTABLE);
            if (result == CuResults.OUT_OF_MEMORY) {
                throw new OutOfDeviceMemoryException("cuMemHostAlloc", result, CuResults.name(result), bytes,
                        "no page-locked host memory left for cuMemHostAlloc(" + bytes + " bytes)", null);
            }
            context.check("cuMemHostAlloc", result);
        } finally {
            context.exit();
        }
        ByteBuffer buffer = host.getByteBuffer(0, bytes).order(ByteOrder.nativeOrder());
        Block block = new Block(host, buffer);
        synchronized (live) {
            live.add(block);
        }
        return block;
    }

    /** Number of live blocks. */
    int liveCount() {
        synchronized (live) {
            return live.size();
        }
    }

    /** Frees every live block, in the context even when it is broken; errors are ignored. */
    void freeAll() {
        synchronized (live) {
            if (live.isEmpty()) {
                return;
            }
            context.releasing(() -> {
                for (Block block : new ArrayList<>(live)) {
                    block.released = true;
                    cuMemFreeHost(block.host);
                }
            });
            live.clear();
        }
    }

    /** {@code cuMemFreeHost}; idempotent, never throws (a failure is logged, and marks a broken context). */
    private void free(Block block) {
        synchronized (live) {
            if (block.released) {
                return;
            }
            block.released = true;
            live.remove(block);
            context.releasing(() -> {
                int result = cuMemFreeHost(block.host);
                if (result != 0) {
                    DeviceException e = context.failure("cuMemFreeHost", result, "");
                    LOG.log(System.Logger.Level.DEBUG, () -> "freeing pinned memory: " + e.getMessage());
                }
            });
        }
    }

    /** One block: the buffer is valid until {@link #release()} or the device closes. */
    private final class Block implements PinnedMemory {
        private final Pointer host;
        private final ByteBuffer buffer;
        private volatile boolean released;

        Block(Pointer host, ByteBuffer buffer) {
            this.host = host;
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer buffer() {
            if (released) {
                throw new IllegalStateException("this pinned host memory was released");
            }
            return buffer;
        }

        @Override
        public long byteSize() {
            return buffer.capacity();
        }

        /** {@code cuMemFreeHost}; idempotent. */
        @Override
        public void release() {
            free(this);
        }

        @Override
        public String toString() {
            return "pinned host memory [" + buffer.capacity() + " bytes" + (released ? ", released" : "") + "]";
        }
    }
}
