package org.jgpuarray.spi;

/** A map-reduce kernel compiled for one device. */
public interface CompiledReduction {
    /**
     * Reduces {@code map(i)} over {@code [0, n)} into element 0 of {@code result}; {@code n == 0}
     * writes the neutral value.
     *
     * @param args   as for {@link CompiledElementwise#launch}
     * @param result a buffer of at least one element of the output type; modified
     */
    void launch(long n, Object[] args, DeviceBuffer result);
}
