package org.jgpuarray;

/**
 * The memory pool of one context's device ({@link GpuContext#memoryPool()}), as CuPy's {@code MemoryPool}:
 * memory of closed (or collected) arrays is kept in size classes and handed to later arrays of a similar
 * size, so that a loop of temporaries stops asking the device (or, on the CPU backend, the Java heap) for
 * memory once it is warm. On by default; {@code JGPUARRAY_MEMORY_POOL=0} turns it off, and
 * {@code JGPUARRAY_MEMORY_LIMIT} caps it (see the README's table of switches).
 *
 * <p>Sizes are rounded up to a class: 512 bytes at least, then four classes per power of two (so a block
 * is at most a quarter larger than asked for). A new array from the pool has unspecified contents, as
 * {@link GpuContext#empty} promises; {@link GpuContext#zeros} still fills its array with zeros.
 *
 * <p>Reuse is safe without waiting for the device because each context runs its work in one in-order
 * queue (one CUDA stream, one OpenCL command queue; CPU kernels finish before they return): a block freed
 * while queued work still reads it is handed only to work queued after that work.
 *
 * <p>Thread-safe: the pool's figures are exact at the moment they are read, and may change at once when
 * other threads allocate or free.
 */
public interface MemoryPool {
    /** True when freed memory is kept for reuse; false when the pool was switched off. */
    boolean isEnabled();

    /** Bytes of the blocks that arrays now hold (each block's rounded size). */
    long usedBytes();

    /**
     * Bytes of the blocks kept for reuse. On the CPU backend these are Java arrays held softly: the garbage
     * collector may reclaim them when the heap runs short, and they count here until the pool notices.
     */
    long heldBytes();

    /** How many times the pool has asked the device for memory since the context opened. */
    long deviceAllocations();

    /** Frees every block kept for reuse; the memory of live arrays is not touched. */
    void freeAll();

    /**
     * Caps the bytes the pool hands out and keeps together; an allocation past the cap first frees the
     * blocks kept for reuse, then throws {@link org.jgpuarray.device.OutOfDeviceMemoryException}. Blocks
     * already handed out are not taken back when the cap is lowered below them.
     *
     * @param bytes the cap, positive; {@link Long#MAX_VALUE} for none
     * @throws IllegalArgumentException when {@code bytes} is not positive
     */
    void setLimit(long bytes);

    /** The cap in bytes, {@link Long#MAX_VALUE} when there is none (the default). */
    long limit();
}
