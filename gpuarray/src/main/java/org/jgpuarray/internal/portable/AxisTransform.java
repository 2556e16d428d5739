package org.jgpuarray.internal.portable;

import org.jgpuarray.spi.DeviceBuffer;

/** The 1-D transforms of all signals along one axis, from one buffer into another (or the same). */
interface AxisTransform {
    /**
     * Transforms {@code src} into {@code dst} and multiplies by {@code scale}.
     *
     * @param src  read; left unmodified unless it is {@code dst} or one of the scratch buffers
     * @param dst  modified
     * @param tmpA scratch of the whole array's size; modified
     * @param tmpB scratch of the whole array's size, distinct from tmpA; modified
     */
    void run(DeviceBuffer src, DeviceBuffer dst, boolean inverse, double scale, DeviceBuffer tmpA, DeviceBuffer tmpB);

    /** Frees the transform's own buffers. */
    void release();
}
