package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.IndexSpace;

/**
 * The pieces of the OpenCL {@code columns} kernel (see {@link SegmentedTemplates}) that depend on the arrays of a
 * segmented reduction: a work-item reduces a strip of {@code JGA_STRIP} neighbouring outputs, output k of the strip
 * at each array's base plus the constant k, which holds where every array's stride along the last outer dimension
 * is 1 and the strip lies in one run of that dimension; the compiler then reads the strip's elements as vectors.
 *
 * @param params      the strip function's parameters: the base of every array
 * @param elementArgs the element function's bases for output {@code jga_k} of the strip
 * @param args        the strip function's arguments: the bases of the strip's first output
 * @param within      whether the strip from output {@code jga_first} lies in one run of the last outer dimension
 * @param unit        whether every array's stride along the last outer dimension is 1
 * @param unroll      the pragma over the strip's outputs: all unrolled (the loads become vectors) where the inner
 *                    positions are one axis, else none, because each element then decomposes its inner position
 *                    and 512 copies of that took PoCL minutes to compile
 */
record Strip(String params, String elementArgs, String args, String within, String unit, String unroll) {
    /** The pieces for {@code space} with {@code outer} outer dimensions; there are no strips where {@code outer} is 0. */
    static Strip of(IndexSpace space, int outer, String index) {
        StringBuilder params = new StringBuilder();
        StringBuilder elementArgs = new StringBuilder();
        StringBuilder args = new StringBuilder();
        StringBuilder unit = new StringBuilder();
        for (String a : space.arrays()) {
            String base = "jga_base_" + a;
            params.append(", ").append(index).append(' ').append(base);
            elementArgs.append(", ").append(base).append(" + jga_k");
            args.append(", ").append(base);
            String stride = outer == 0 ? "0" : IndexSpace.stride(a, outer - 1);
            unit.append(unit.isEmpty() ? "" : " && ").append(stride).append(" == 1");
        }
        String within = outer == 0 ? "0"
                : "jga_first % " + IndexSpace.shape(outer - 1) + " + JGA_STRIP <= " + IndexSpace.shape(outer - 1);
        boolean oneInnerAxis = space.ndim() - outer == 1;
        return new Strip(params.toString(), elementArgs.toString(), args.toString(), within,
                unit.isEmpty() ? "1" : unit.toString(), oneInnerAxis ? "#pragma unroll" : "#pragma unroll 1");
    }
}
