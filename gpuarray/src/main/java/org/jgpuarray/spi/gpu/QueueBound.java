package org.jgpuarray.spi.gpu;

/**
 * Keeps the work queued on a device bounded. Kernel launches and device copies are asynchronous: a host
 * loop can enqueue them far faster than a device (PoCL on a loaded CPU, say) runs them, and every queued
 * command holds its arguments and, on drivers that put off the free of a buffer until the commands using it
 * have run (PoCL does), the memory of buffers the program already freed. So this counts the commands
 * enqueued and the bytes freed since the queue was last known to be empty; past {@value #COMMANDS} commands
 * or {@value #FREED_BYTES} bytes it calls {@link GpuDriver#throttle()}, which waits for the work queued
 * before the previous throttle point. At most about two windows of work are then in flight, and the device
 * never runs dry while the host waits (it still has the last window to run).
 *
 * <p>Not thread-safe: {@link GpuDevice} calls it under its lock.
 */
final class QueueBound {
    /** Commands enqueued since the last throttle point that make the next one. */
    static final int COMMANDS = 512;
    /** Bytes freed since the last throttle point that make the next one. */
    static final long FREED_BYTES = 32L << 20;

    private final GpuDriver driver;
    private int commands;
    private long freedBytes;
    private boolean busy;

    QueueBound(GpuDriver driver) {
        this.driver = driver;
    }

    /** A command was enqueued. */
    void enqueued() {
        busy = true;
        if (++commands >= COMMANDS) {
            throttle();
        }
    }

    /** A buffer of {@code bytes} was freed; queued commands may still use it. */
    void freed(long bytes) {
        if (!busy) {
            return; // nothing queued: the driver frees it at once
        }
        freedBytes += bytes;
        if (freedBytes >= FREED_BYTES) {
            throttle();
        }
    }

    /** The device has run everything enqueued so far (a synchronisation or a blocking copy). */
    void drained() {
        commands = 0;
        freedBytes = 0;
        busy = false;
    }

    private void throttle() {
        commands = 0;
        freedBytes = 0;
        driver.throttle();
    }
}
