package org.jgpuarray.spi;

/** Times the device work enqueued between its start and {@link #stopNanos()}. */
@FunctionalInterface
public interface DeviceTimer {
    /** Waits for the timed work and returns its duration in nanoseconds, measured by the device where it can. */
    long stopNanos();
}
