package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.IndexSpace;

/**
 * The pieces of the OpenCL {@code columns} kernel (see {@link SegmentedTemplates}) that depend on the arrays of a
 * segmented reduction: a work-item reduces a strip of {@code JGA_STRIP} neighbouring outputs, the k-th at each
 * array's base plus k steps, a step being the array's stride along the last outer dimension. A strip that lies in
 * one run of that dimension has such steps; when every step is 1 the strip's reads are passed the constant 1, so
 * that the compiler sees the outputs' elements side by side in memory and reads them as vectors.
 *
 * @param params     the strip function's parameters: base and step of every array
 * @param elementArgs the element function's bases for output {@code jga_k} of the strip
 * @param unitArgs   the strip function's arguments where every step is 1
 * @param stepArgs   the strip function's arguments with each array's stride as its step
 * @param within     whether the strip from output {@code jga_first} lies in one run of the last outer dimension
 * @param unit       whether every array's step is 1
 */
record Strip(String params, String elementArgs, String unitArgs, String stepArgs, String within, String unit) {
    /** The pieces for {@code space} with {@code outer} outer dimensions; none are strips where {@code outer} is 0. */
    static Strip of(IndexSpace space, int outer, String index) {
        StringBuilder params = new StringBuilder();
        StringBuilder elementArgs = new StringBuilder();
        StringBuilder unitArgs = new StringBuilder();
        StringBuilder stepArgs = new StringBuilder();
        StringBuilder unit = new StringBuilder();
        for (String a : space.arrays()) {
            String base = "jga_base_" + a;
            String step = "jga_step_" + a;
            String stride = outer == 0 ? "0" : IndexSpace.stride(a, outer - 1);
            params.append(", ").append(index).append(' ').append(base).append(", ").append(index).append(' ')
                    .append(step);
            elementArgs.append(", ").append(base).append(" + jga_k * ").append(step);
            unitArgs.append(", ").append(base).append(", 1");
            stepArgs.append(", ").append(base).append(", ").append(stride);
            unit.append(unit.isEmpty() ? "" : " && ").append(stride).append(" == 1");
        }
        String within = outer == 0 ? "0"
                : "jga_first % " + IndexSpace.shape(outer - 1) + " + JGA_STRIP <= " + IndexSpace.shape(outer - 1);
        return new Strip(params.toString(), elementArgs.toString(), unitArgs.toString(), stepArgs.toString(), within,
                unit.isEmpty() ? "1" : unit.toString());
    }
}
