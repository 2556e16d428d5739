package org.jgpuarray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * The {@link MemoryPool} of one context: sits between the context's arrays and its {@link BackendDevice}.
 * An allocation takes a kept block of its size class ({@link SizeClasses}) or asks the device for one of the
 * class's size; a freed block goes back to its class's shelf (the most recently freed is handed out first,
 * while it is warm in caches). Blocks of GPU devices are plain bytes, shared by every dtype; the CPU
 * backend's blocks are Java arrays of one type, shelved per type and held softly ({@link SoftBlock}).
 *
 * <p>A device allocation that fails frees the kept blocks and tries once more before it throws
 * {@link OutOfDeviceMemoryException} with the pool's figures; the context then collects unreachable arrays
 * (which returns their blocks here) and retries once itself.
 *
 * <p>Reuse without waiting: a block may be freed while the device still has queued work that uses it. That
 * is safe because a context has one in-order queue (one CUDA stream, one OpenCL command queue, CPU kernels
 * that finish before they return): whoever gets the block next queues its work after that work. A backend
 * with several streams per context would have to keep blocks per stream, or wait for an event.
 *
 * <p>Thread-safe: the bookkeeping runs under this object's lock; device allocations run outside it, and so do
 * frees, except those that make room under the limit (the lock order is pool, then device: the device never
 * calls the pool).
 */
final class BlockPool implements MemoryPool {
    private final BackendDevice device;
    private final boolean enabled;
    private final SoftBlock.Shelves soft; // null unless the device's blocks are Java arrays
    private final ArrayDeque<Object>[] shelves;
    private long used;
    private long held;
    private long limit;
    private long deviceAllocations;
    private boolean closed;

    /**
     * @param device   where blocks come from and go back to
     * @param settings on or off, and the limit
     * @param javaHeap true when the device's buffers are Java arrays (the CPU backend): blocks are kept per
     *                 type and softly, so that the collector may take them back when the heap runs short
     */
    @SuppressWarnings("unchecked")
    BlockPool(BackendDevice device, PoolSettings settings, boolean javaHeap) {
        this.device = device;
        this.enabled = settings.enabled();
        this.limit = settings.limit();
        this.soft = javaHeap ? new SoftBlock.Shelves() : null;
        this.shelves = new ArrayDeque[SizeClasses.COUNT * (javaHeap ? ScalarType.values().length : 1)];
    }

    /**
     * A block for {@code count} values of {@code type}, at least as large as they need; its contents are
     * whatever its last user left.
     *
     * @throws OutOfDeviceMemoryException past the limit, or when the device has no room even after the kept
     *                                    blocks were freed
     */
    DeviceBuffer allocate(ScalarType type, long count) {
        int valueBytes = type.byteSize();
        if (count > (1L << 62) / valueBytes) {
            return device.allocate(type, count); // no class this large: the device names the problem
        }
        long bytes = count * valueBytes;
        long size = enabled ? SizeClasses.roundUp(bytes) : bytes;
        int shelf = enabled ? shelf(type, size) : -1;
        synchronized (this) {
            DeviceBuffer kept = shelf < 0 ? null : take(shelf);
            if (kept != null) {
                used += kept.byteSize();
                return kept;
            }
            reserve(size, bytes);
        }
        DeviceBuffer fresh = null;
        try {
            fresh = fromDevice(type, size / valueBytes, count, size);
            return fresh;
        } finally {
            synchronized (this) {
                used += fresh == null ? -size : fresh.byteSize() - size;
            }
        }
    }

    /** Takes back a block of {@code type} that no array refers to any more: kept, or freed past the limit. */
    void release(ScalarType type, DeviceBuffer buffer) {
        long size = buffer.byteSize();
        synchronized (this) {
            if (closed) {
                return; // the device freed everything when it closed
            }
            used -= size;
            int shelf = enabled ? shelf(type, size) : -1;
            if (shelf >= 0 && used + held + size <= limit) {
                put(shelf, buffer);
                return;
            }
        }
        free(buffer);
    }

    /** Forgets every block: the device frees all its memory when it closes. Later releases are ignored. */
    synchronized void close() {
        closed = true;
        for (int k = 0; k < shelves.length; k++) {
            shelves[k] = null;
        }
        held = 0;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public synchronized long usedBytes() {
        return used;
    }

    @Override
    public synchronized long heldBytes() {
        forgetCollected();
        return held;
    }

    @Override
    public synchronized long deviceAllocations() {
        return deviceAllocations;
    }

    @Override
    public void freeAll() {
        List<DeviceBuffer> kept;
        synchronized (this) {
            kept = emptyShelves();
        }
        kept.forEach(this::free);
    }

    @Override
    public void setLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the memory pool's limit must be positive, got " + bytes + " bytes");
        }
        synchronized (this) {
            limit = bytes;
        }
    }

    @Override
    public synchronized long limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "MemoryPool[" + (enabled ? "" : "off, ") + figures(0) + "]";
    }

    /**
     * The device's block of {@code count} values (the class's size), or of {@code exact} where that is too
     * large; {@code reserved} bytes are counted in use for it already.
     */
    private DeviceBuffer fromDevice(ScalarType type, long count, long exact, long reserved) {
        DeviceBuffer b;
        try {
            b = retried(type, count, exact, reserved);
        } catch (UnsupportedCapabilityException tooLarge) {
            if (count == exact) {
                throw tooLarge;
            }
            b = retried(type, exact, exact, reserved); // past the device's largest allocation only by rounding: unpooled
        }
        synchronized (this) {
            deviceAllocations++;
        }
        return b;
    }

    /**
     * The device's allocation of {@code count} values for a request of {@code exact}, tried again after
     * freeing the kept blocks when the device is full.
     */
    private DeviceBuffer retried(ScalarType type, long count, long exact, long reserved) {
        try {
            return device.allocate(type, count);
        } catch (OutOfDeviceMemoryException full) {
            freeAll();
            try {
                return device.allocate(type, count);
            } catch (OutOfDeviceMemoryException still) {
                throw new OutOfDeviceMemoryException(still.call(), still.code(), still.codeName(),
                        exact * type.byteSize(), "a block of " + count * type.byteSize() + " bytes did not fit"
                        + " after the memory pool freed the blocks it kept; the pool has " + figures(reserved), still);
            }
        }
    }

    /** Makes room for {@code size} more bytes in use, freeing kept blocks if the limit needs it; holds the lock. */
    private void reserve(long size, long requested) {
        if (used + held + size > limit || used + held + size < 0) {
            emptyShelves().forEach(this::free);
        }
        if (used + size > limit || used + size < 0) {
            throw new OutOfDeviceMemoryException("MemoryPool.allocate", -1, "POOL_LIMIT", requested,
                    "a block of " + size + " bytes would pass the memory pool's limit (setLimit or "
                            + PoolSettings.LIMIT_VARIABLE + "); the pool has " + figures(0), null);
        }
        used += size;
    }

    /** Gives a block back to the device, which orders the free with its other calls. */
    private void free(DeviceBuffer buffer) {
        device.free(buffer);
    }

    /** The pool's figures for a message, not counting {@code reserved} bytes of the allocation under way. */
    private synchronized String figures(long reserved) {
        return (used - reserved) + " bytes in use, " + held + " bytes kept for reuse, limit "
                + (limit == Long.MAX_VALUE ? "none" : limit + " bytes") + ", " + deviceAllocations
                + " device allocations";
    }

    /** The shelf of blocks of {@code size} bytes and {@code type}, or -1 when the size is no class's. */
    private int shelf(ScalarType type, long size) {
        int index = SizeClasses.index(size);
        if (index < 0) {
            return -1;
        }
        return soft == null ? index : type.ordinal() * SizeClasses.COUNT + index;
    }

    private DeviceBuffer take(int shelf) {
        ArrayDeque<Object> blocks = shelves[shelf];
        if (blocks == null) {
            return null;
        }
        Object entry;
        while ((entry = blocks.pollLast()) != null) {
            if (entry instanceof SoftBlock s) {
                DeviceBuffer b = s.get();
                s.clear();
                held -= s.uncount();
                if (b != null) {
                    return b;
                }
            } else {
                DeviceBuffer b = (DeviceBuffer) entry;
                held -= b.byteSize();
                return b;
            }
        }
        return null;
    }

    private void put(int shelf, DeviceBuffer buffer) {
        forgetCollected();
        ArrayDeque<Object> blocks = shelves[shelf];
        if (blocks == null) {
            blocks = new ArrayDeque<>();
            shelves[shelf] = blocks;
        }
        blocks.addLast(soft == null ? buffer : soft.hold(buffer, shelf));
        held += buffer.byteSize();
    }

    /** Drops the soft blocks the collector took back; holds the lock. */
    private void forgetCollected() {
        if (soft != null) {
            SoftBlock s;
            while ((s = soft.collected()) != null) {
                held -= s.uncount();
                ArrayDeque<Object> blocks = shelves[s.shelf()];
                if (blocks != null) {
                    blocks.removeLastOccurrence(s);
                }
            }
        }
    }

    /** Takes every kept block off its shelf; holds the lock. The caller frees them (outside the lock). */
    private List<DeviceBuffer> emptyShelves() {
        List<DeviceBuffer> kept = new ArrayList<>();
        for (int k = 0; k < shelves.length; k++) {
            ArrayDeque<Object> blocks = shelves[k];
            if (blocks != null) {
                DeviceBuffer b;
                while ((b = take(k)) != null) {
                    kept.add(b);
                }
            }
        }
        forgetCollected();
        return kept;
    }
}
