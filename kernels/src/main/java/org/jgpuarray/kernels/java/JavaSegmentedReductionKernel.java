package org.jgpuarray.kernels.java;

/**
 * A compiled segmented reduction of the CPU backend (a {@code ReductionSpec} with an index space), generated
 * by {@link JavaSourceGenerator#reduction}: one result per outer position ("output") of the space, over its
 * inner positions. Stateless and safe to run on several ranges at once. Values cross this interface boxed in
 * the spec's output type; results are stored into a Java array of that type ({@code float[]} ...).
 */
public interface JavaSegmentedReductionKernel {
    /**
     * Reduces inner positions {@code [from, to)} of one output, starting from the neutral value.
     *
     * @param args   arguments as for {@link JavaElementwiseKernel#run}, with the index space's values; not modified
     * @param inner  the number of inner positions of every output, the snippet's {@code n}
     * @param output the output's index, in C order of the outer dimensions
     * @return the partial result, boxed
     */
    Object reducePart(Object[] args, long inner, long output, long from, long to);

    /**
     * Reduces outputs {@code [from, to)} one after the other, each over all of its inner positions, into
     * {@code out[output]}: the order for segments whose elements are neighbours in memory.
     *
     * @param out the result array; modified at {@code [from, to)}
     */
    void reduceAlong(Object[] args, long inner, long from, long to, Object out);

    /**
     * The same results as {@link #reduceAlong}, computed for tiles of neighbouring outputs (along the last outer
     * dimension) together, one inner position at a time: the order for outputs whose elements are neighbours in
     * memory (a reduction over a first or middle axis).
     *
     * @param out the result array; modified at {@code [from, to)}
     */
    default void reduceAcross(Object[] args, long inner, long from, long to, Object out) {
        reduceAcross(args, inner, from, to, 0, inner, out);
    }

    /**
     * {@link #reduceAcross(Object[], long, long, long, Object)} over inner positions {@code [first, last)} only:
     * each of outputs {@code [from, to)} gets the partial result of those positions (blocks of 64 combined
     * pairwise, as a whole segment is), so that a few ranges of positions, say of rows, can run on several
     * threads at once and be combined in order with {@link #combineInto}.
     *
     * @param out the result array; modified at {@code [from, to)}
     */
    void reduceAcross(Object[] args, long inner, long from, long to, long first, long last, Object out);

    /**
     * {@code into[k] = reduce(into[k], part[k])} for {@code k} in {@code [from, to)}: partial results of later
     * inner positions folded into those of earlier ones.
     *
     * @param into a result array; modified at {@code [from, to)}
     * @param part a result array of the same type; not modified
     */
    void combineInto(Object into, Object part, long from, long to);

    /** Combines two partial results with the reduce expression ({@code a} then {@code b}). */
    Object combine(Object a, Object b);

    /** The neutral value, boxed. */
    Object neutral();
}
