package org.jgpuarray.spi;

/**
 * A block of device memory owned by one {@link BackendDevice}. The core frees it exactly once, through
 * {@link BackendDevice#free(DeviceBuffer)}, when no array refers to the buffer any more.
 */
public interface DeviceBuffer {
    /** Size in bytes. */
    long byteSize();

    /**
     * Frees the memory. Called once, by the owning device's {@link BackendDevice#free} (which serialises
     * it with the device's other calls) or by the backend itself; never after the owning device is closed.
     */
    void release();
}
