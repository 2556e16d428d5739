package org.jgpuarray.spi;

/** An elementwise kernel compiled for one device. */
public interface CompiledElementwise {
    /**
     * Runs the kernel over {@code [0, n)}; {@code n > 0}. May return before the device finishes:
     * later calls on the same device observe its results.
     *
     * @param args one per argument-list entry: a {@link DeviceBuffer} for arrays, a boxed value of
     *             the exact declared type ({@code Float}, {@code Double}, {@code Integer}, {@code Long},
     *             {@code Byte} for bool) for scalars
     */
    void launch(long n, Object[] args);
}
