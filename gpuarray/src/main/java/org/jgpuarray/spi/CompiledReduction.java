package org.jgpuarray.spi;

/** A map-reduce kernel compiled for one device. */
public interface CompiledReduction {
    /**
     * Reduces {@code map(i)} over {@code [0, n)} into element 0 of {@code result}; {@code n == 0}
     * writes the neutral value.
     *
     * @param args   as for {@link CompiledElementwise#launch}
     * @param result a buffer of at least one element of the output type; modified
     * @throws IllegalStateException for a segmented reduction, which launches by {@link #launch(long, long, boolean,
     *                               Object[], DeviceBuffer)}
     */
    void launch(long n, Object[] args, DeviceBuffer result);

    /**
     * Launches a segmented reduction ({@code ReductionSpec.segmented()}): for each of the {@code outer} outer
     * positions {@code o} of its index space, reduces {@code map} over the {@code inner} inner positions into
     * {@code out[o]}. {@code inner == 0} writes the neutral value; {@code outer == 0} does nothing.
     *
     * @param segmentsContiguous a hint of the best order: true when the elements of one output lie next to each
     *                           other in memory (the innermost inner stride of the main input is 1 or -1), so one
     *                           output is best read by a group of threads; false when neighbouring outputs do, so
     *                           threads are best given neighbouring outputs. Results do not depend on it beyond
     *                           rounding.
     * @param args               as for {@link CompiledElementwise#launch}, with the values of the index space
     * @param out                a buffer of at least {@code outer} elements of the output type; modified
     * @throws IllegalStateException for a reduction compiled without an index space (the default)
     */
    default void launch(long outer, long inner, boolean segmentsContiguous, Object[] args, DeviceBuffer out) {
        throw new IllegalStateException("this reduction was compiled without an index space; it reduces to one value"
                + " with launch(n, args, result)");
    }
}
