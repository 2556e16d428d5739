package org.jgpuarray.spi.gpu;

import java.util.ArrayList;
import java.util.List;

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
 * <p>It also keeps the host memory of asynchronous copies reachable ({@link #enqueued(Object)}) until the
 * device is known to have passed them: what was kept before the previous throttle point is dropped at the
 * next one (the driver has then waited for it), and everything when the queue is drained.
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
    /** Commands enqueued since the queue was created. */
    private long enqueuedEver;
    /** Host memory of the asynchronous copies enqueued since the last throttle point. */
    private List<Object> keptNow = new ArrayList<>();
    /** Host memory of the asynchronous copies enqueued in the window before that. */
    private List<Object> keptBefore = new ArrayList<>();

    QueueBound(GpuDriver driver) {
        this.driver = driver;
    }

    /** A command was enqueued. */
    void enqueued() {
        busy = true;
        enqueuedEver++;
        if (++commands >= COMMANDS) {
            throttle();
        }
    }

    /**
     * An asynchronous copy from or into {@code host} was enqueued: {@code host} stays reachable until the
     * device has passed the copy.
     */
    void enqueued(Object host) {
        keptNow.add(host);
        enqueued();
    }

    /** How many commands were enqueued since the queue was created: tells whether any was since a point. */
    long enqueuedEver() {
        return enqueuedEver;
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
        keptNow.clear();
        keptBefore.clear();
    }

    private void throttle() {
        commands = 0;
        freedBytes = 0;
        driver.throttle();
        // the driver has waited for the work queued before the previous throttle point
        List<Object> passed = keptBefore;
        passed.clear();
        keptBefore = keptNow;
        keptNow = passed;
    }
}
