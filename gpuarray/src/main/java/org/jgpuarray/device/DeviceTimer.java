package org.jgpuarray.device;

/** Times the device work enqueued between its start and {@link #stopNanos()}. */
@FunctionalInterface
public interface DeviceTimer extends AutoCloseable {
    /** Waits for the timed work and returns its duration in nanoseconds, measured by the device where it can. */
    long stopNanos();

    /** Releases the timer's device events without waiting; a stopped timer has none left. Idempotent. */
    @Override
    default void close() {
    }
}
