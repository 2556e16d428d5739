package org.jgpuarray.spi.gpu;

/**
 * A point in a {@link GpuQueue}: a CUDA event, an OpenCL marker event. Its methods are called under
 * {@link GpuDevice}'s lock, like the driver's, except {@link #synchronize()}.
 */
public interface GpuMarker {
    /**
     * Waits until the marker has completed. Called without the device's lock, while other threads call the
     * driver (CUDA's and OpenCL's event waits allow it), but never while the marker is being released.
     */
    void synchronize();

    /** True when the marker has completed; does not wait. */
    boolean isDone();

    /** Milliseconds of device time from {@code start} to this marker; waits for both. */
    double elapsedMillisSince(GpuMarker start);

    /** Releases the marker. Called once. */
    void release();
}
