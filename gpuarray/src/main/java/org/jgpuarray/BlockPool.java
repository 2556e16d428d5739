package org.jgpuarray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BackendEvent;
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
 * <p>Reuse without waiting: a block may be freed while the device still has queued work that uses it. In one
 * stream that is safe (in-order queues; CPU kernels finish before they return): whoever gets the block next
 * queues its work after that work. Across streams ({@link GpuStream}) a block remembers the stream it was
 * allocated on, and goes back to its shelf with an event recorded in that stream at the free
 * ({@link Tagged}). An allocation prefers a recent block of its own stream; a block of another stream is
 * handed over once its event is done, or after the allocating stream is made to wait for the event (no
 * host blocking). A block freed before any stream existed is taken to belong to the default stream. A block
 * freed for good (past the limit, {@link #freeAll()}) waits for its event first. Closing a stream makes its
 * blocks the default stream's (the stream's work finished when it closed).
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

    /** How many of a shelf's most recent blocks an allocation looks through for one of its own stream. */
    private static final int STREAM_SCAN = 8;

    /** A block freed while streams are in use: the stream it was allocated on, and an event recorded there at the free. */
    private record Tagged(DeviceBuffer buffer, GpuStream stream, BackendEvent event) {
    }

    /**
     * A block for {@code count} values of {@code type}, at least as large as they need; its contents are
     * whatever its last user left.
     *
     * @param stream the stream the block will be used in, null while no stream exists (see
     *               {@link ContextStreams#poolStream()})
     * @throws OutOfDeviceMemoryException past the limit, or when the device has no room even after the kept
     *                                    blocks were freed
     */
    DeviceBuffer allocate(ScalarType type, long count, GpuStream stream) {
        int valueBytes = type.byteSize();
        if (count > (1L << 62) / valueBytes) {
            return device.allocate(type, count); // no class this large: the device names the problem
        }
        long bytes = count * valueBytes;
        long size = enabled ? SizeClasses.roundUp(bytes) : bytes;
        int shelf = enabled ? shelf(type, size) : -1;
        synchronized (this) {
            DeviceBuffer kept = shelf < 0 ? null : take(shelf, stream);
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

    /**
     * Takes back a block of {@code type} that no array refers to any more: kept, or freed past the limit.
     *
     * @param stream the stream the block was allocated on (null: allocated while no stream existed)
     */
    void release(ScalarType type, DeviceBuffer buffer, GpuStream stream) {
        long size = buffer.byteSize();
        Object entry = buffer;
        if (stream != null) {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            BackendEvent freed = stream.recordForPool();
            if (freed != null) { // else the stream had closed, its work finished: the default stream's block
                entry = new Tagged(buffer, stream, freed);
            }
        }
        synchronized (this) {
            if (closed) {
                return; // the device freed everything when it closed
            }
            used -= size;
            int shelf = enabled ? shelf(type, size) : -1;
            if (shelf >= 0 && used + held + size <= limit) {
                put(shelf, entry);
                return;
            }
        }
        discard(entry);
    }

    /** A stream closed, its work finished: its kept blocks become the default stream's. */
    void streamClosed(GpuStream stream) {
        synchronized (this) {
            if (closed || soft != null) {
                return;
            }
            for (ArrayDeque<Object> blocks : shelves) {
                if (blocks == null) {
                    continue;
                }
                for (int k = blocks.size(); k > 0; k--) {
                    Object entry = blocks.pollFirst();
                    if (entry instanceof Tagged t && t.stream() == stream) {
                        t.event().close();
                        entry = t.buffer();
                    }
                    blocks.addLast(entry);
                }
            }
        }
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
        List<Object> kept;
        synchronized (this) {
            kept = emptyShelves();
        }
        kept.forEach(this::discard);
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
            emptyShelves().forEach(this::discard);
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

    /**
     * Frees a kept entry for good: a tagged block after its stream has passed the free (another stream may
     * still have been reading it on a device whose free does not wait).
     */
    private void discard(Object entry) {
        if (entry instanceof Tagged t) {
            try {
                t.event().synchronize();
            } finally {
                t.event().close();
            }
            free(t.buffer());
        } else {
            free((DeviceBuffer) entry);
        }
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

    /**
     * A kept block of {@code shelf} for {@code stream}: one freed in that stream if one of the most recent
     * is, else the most recent one, which {@code stream} is made to wait for. Holds the lock (the lock order
     * is pool, then device).
     */
    private DeviceBuffer take(int shelf, GpuStream stream) {
        ArrayDeque<Object> blocks = shelves[shelf];
        if (blocks == null || blocks.isEmpty()) {
            return null;
        }
        if (soft != null) {
            return take(shelf);
        }
        Object chosen = null;
        if (stream != null) {
            int seen = 0;
            for (var it = blocks.descendingIterator(); it.hasNext() && seen < STREAM_SCAN; seen++) {
                Object entry = it.next();
                if (entry instanceof Tagged t ? t.stream() == stream : stream.isDefault()) {
                    chosen = entry;
                    it.remove();
                    break;
                }
            }
        }
        if (chosen == null) {
            chosen = blocks.pollLast();
        }
        DeviceBuffer buffer = chosen instanceof Tagged t ? t.buffer() : (DeviceBuffer) chosen;
        held -= buffer.byteSize();
        handOver(chosen, stream);
        return buffer;
    }

    /** Orders {@code stream}'s later work after the work that used a kept block in another stream. */
    private static void handOver(Object entry, GpuStream stream) {
        if (entry instanceof Tagged t) {
            try {
                if (t.stream() != stream && !t.event().isDone()) {
                    if (stream == null) {
                        t.event().synchronize(); // streams appeared while this allocation began: wait
                    } else {
                        stream.backend().waitEvent(t.event());
                    }
                }
            } finally {
                t.event().close();
            }
        } else if (stream != null && !stream.isDefault()) {
            // freed before any stream existed, by default-stream work that may still be queued
            try (BackendEvent now = stream.context().defaultStream().backend().record()) {
                stream.backend().waitEvent(now);
            }
        }
    }

    /** A kept block of the CPU backend's shelf, held softly. */
    private DeviceBuffer take(int shelf) {
        ArrayDeque<Object> blocks = shelves[shelf];
        if (blocks == null) {
            return null;
        }
        Object entry;
        while ((entry = blocks.pollLast()) != null) {
            SoftBlock s = (SoftBlock) entry;
            DeviceBuffer b = s.get();
            s.clear();
            held -= s.uncount();
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** Shelves a block, or a {@link Tagged} one. */
    private void put(int shelf, Object entry) {
        forgetCollected();
        ArrayDeque<Object> blocks = shelves[shelf];
        if (blocks == null) {
            blocks = new ArrayDeque<>();
            shelves[shelf] = blocks;
        }
        DeviceBuffer buffer = entry instanceof Tagged t ? t.buffer() : (DeviceBuffer) entry;
        blocks.addLast(soft == null ? entry : soft.hold(buffer, shelf));
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

    /**
     * Takes every kept block off its shelf; holds the lock. The caller discards them (outside the lock).
     */
    private List<Object> emptyShelves() {
        List<Object> kept = new ArrayList<>();
        for (int k = 0; k < shelves.length; k++) {
            ArrayDeque<Object> blocks = shelves[k];
            if (blocks == null) {
                continue;
            }
            if (soft == null) {
                Object entry;
                while ((entry = blocks.pollLast()) != null) {
                    held -= (entry instanceof Tagged t ? t.buffer() : (DeviceBuffer) entry).byteSize();
                    kept.add(entry);
                }
            } else {
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
