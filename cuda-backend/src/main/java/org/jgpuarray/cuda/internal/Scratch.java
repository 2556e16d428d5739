package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;

import java.util.HashMap;
import java.util.Map;

/**
 * Temporary device buffers that launches reuse (reduction partials, scan tile totals), one per named
 * slot, grown when a launch needs more. Every kernel runs in one stream, so a slot can be reused by the
 * next launch without waiting; growing waits for the device before the old buffer is freed.
 */
final class Scratch {
    private final DeviceMemory memory;
    private final CudaContext context;
    private final Map<String, CudaBuffer> slots = new HashMap<>();

    Scratch(DeviceMemory memory, CudaContext context) {
        this.memory = memory;
        this.context = context;
    }

    /** The buffer of {@code slot}, at least {@code bytes} long. */
    CudaBuffer get(String slot, long bytes) {
        CudaBuffer buffer = slots.get(slot);
        if (buffer != null && buffer.byteSize() >= bytes) {
            return buffer;
        }
        if (buffer != null) {
            context.enter();
            context.check("cuCtxSynchronize", cuCtxSynchronize());
            memory.free(buffer);
        }
        long size = Math.max(bytes, buffer == null ? 4096 : 2 * buffer.byteSize());
        CudaBuffer grown = memory.allocate(size);
        slots.put(slot, grown);
        return grown;
    }

    /** Forgets the buffers (the device frees them with every other buffer when it closes). */
    void clear() {
        slots.clear();
    }
}
