package org.jgpuarray.spi.gpu;

/**
 * A queue of a {@link GpuDriver}: a CUDA stream, an OpenCL command queue; the device's own
 * ({@link GpuDriver#ownQueue()}) or one more ({@link GpuDriver#createQueue()}). Its methods are called under
 * {@link GpuDevice}'s lock, like the driver's.
 */
public interface GpuQueue {
    /** Waits until the work enqueued in this queue has finished. */
    void synchronize();

    /** True when the work enqueued in this queue has finished; does not wait. */
    boolean isDone();

    /** Enqueues a marker that completes when the work enqueued in this queue before it has finished. */
    GpuMarker record();

    /** Makes the work enqueued in this queue from now on wait for {@code marker} (of any queue of the driver). */
    void waitFor(GpuMarker marker);

    /** Releases the queue, after its work has finished. Called once, never for the driver's own queue. */
    void release();
}
