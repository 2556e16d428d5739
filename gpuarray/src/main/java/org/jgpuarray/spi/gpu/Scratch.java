package org.jgpuarray.spi.gpu;

import java.util.HashMap;
import java.util.Map;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * Temporary buffers that launches reuse (reduction partials, scan tile totals), one per named slot, grown
 * when a launch needs more. Work runs in order on the device, so a slot can serve the next launch without
 * waiting; growing waits for the device before the old buffer is freed.
 */
final class Scratch {
    private static final long SMALLEST = 4096;

    private final GpuDriver driver;
    private final Map<String, DeviceBuffer> slots = new HashMap<>();

    Scratch(GpuDriver driver) {
        this.driver = driver;
    }

    /** The buffer of {@code slot}, at least {@code bytes} long. */
    DeviceBuffer get(String slot, long bytes) {
        DeviceBuffer buffer = slots.get(slot);
        if (buffer != null && buffer.byteSize() >= bytes) {
            return buffer;
        }
        long size = Math.max(bytes, buffer == null ? SMALLEST : 2 * buffer.byteSize());
        if (buffer != null) {
            driver.synchronize();
            slots.remove(slot);
            buffer.release();
        }
        DeviceBuffer grown = driver.allocate(size);
        slots.put(slot, grown);
        return grown;
    }

    /** Frees every slot's buffer. */
    void clear() {
        for (DeviceBuffer b : slots.values()) {
            b.release();
        }
        slots.clear();
    }
}
