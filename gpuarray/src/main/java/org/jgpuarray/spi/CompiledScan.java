package org.jgpuarray.spi;

/** A scan compiled for one device. */
public interface CompiledScan {
    /**
     * Scans {@code n > 0} elements of {@code in} into {@code out} ({@code in == out} allowed).
     *
     * @param in  not modified unless it is {@code out}
     * @param out modified
     */
    void launch(long n, DeviceBuffer in, DeviceBuffer out);

    /**
     * Scans {@code segments} rows of {@code length} elements each, one after the other in {@code in}, each row
     * on its own (a scan along the last axis of a C-order array); {@code in == out} allowed. Nothing happens
     * when either count is 0. The default runs one row only.
     *
     * @param in  not modified unless it is {@code out}
     * @param out modified
     * @throws UnsupportedOperationException by the default, for more than one row
     */
    default void launch(long segments, long length, DeviceBuffer in, DeviceBuffer out) {
        if (segments > 1) {
            throw new UnsupportedOperationException("this scan runs over one row only");
        }
        if (segments == 1 && length > 0) {
            launch(length, in, out);
        }
    }
}
