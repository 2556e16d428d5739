package org.jgpuarray.spi;

/**
 * A block of device memory owned by one {@link BackendDevice}. The core calls {@link #release()}
 * exactly once, on the thread that uses the device, when no array refers to the buffer any more.
 */
public interface DeviceBuffer {
    /** Size in bytes. */
    long byteSize();

    /** Frees the memory. Called once; never called after the owning device is closed. */
    void release();
}
