package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.IndexSpace;

/**
 * The pieces of the OpenCL {@code columns} kernel (see {@link SegmentedTemplates}) that depend on the arrays of a
 * segmented reduction: a work-item reduces a strip of {@code JGA_STRIP} neighbouring outputs, output k of the strip
 * at each array's base plus the constant k, which holds where every array's stride along the last outer dimension
 * is 1 and the strip lies in one run of that dimension; the compiler then reads the strip's elements as vectors.
 *
 * @param elementArgs the element function's bases for output {@code jga_k} of the strip (the strip function takes
 *                    and passes the bases as the element function does, {@code ELEMENT_PARAMS} and
 *                    {@code ELEMENT_ARGS})
 * @param within      whether the strip from output {@code jga_first} lies in one run of the last outer dimension
 * @param unit        whether every array's stride along the last outer dimension is 1
 * @param unroll      the pragma over the strip's outputs: all unrolled (the loads become vectors) where the inner
 *                    positions are one axis, else none, because each element then decomposes its inner position
 *                    and 512 copies of that took PoCL minutes to compile
 */
record Strip(String elementArgs, String within, String unit, String unroll) {
    /** The pieces for {@code space} with {@code outer} outer dimensions; there are no strips where {@code outer} is 0. */
    static Strip of(IndexSpace space, int outer) {
        StringBuilder elementArgs = new StringBuilder();
        StringBuilder unit = new StringBuilder();
        for (String a : space.arrays()) {
            elementArgs.append(", ").append(SegmentedReductionSource.base(a)).append(" + jga_k");
            String stride = outer == 0 ? "0" : IndexSpace.stride(a, outer - 1);
            unit.append(unit.isEmpty() ? "" : " && ").append(stride).append(" == 1");
        }
        String within = outer == 0 ? "0"
                : "jga_first % " + IndexSpace.shape(outer - 1) + " + JGA_STRIP <= " + IndexSpace.shape(outer - 1);
        boolean oneInnerAxis = space.ndim() - outer == 1;
        return new Strip(elementArgs.toString(), within,
                unit.isEmpty() ? "1" : unit.toString(), oneInnerAxis ? "#pragma unroll" : "#pragma unroll 1");
    }
}
