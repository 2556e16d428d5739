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
}
