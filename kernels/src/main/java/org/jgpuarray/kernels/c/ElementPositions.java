package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.IndexSpace;

/**
 * Statements that set {@code jga_at_x} for each array of an index space from a flat index in a generated C
 * kernel: the index's coordinates, innermost first, times the array's strides, plus its offset.
 */
final class ElementPositions {
    private final IndexSpace space;
    private final String indexType;

    /**
     * @param space     the index space (present)
     * @param indexType the dialect's 64-bit index type
     */
    ElementPositions(IndexSpace space, String indexType) {
        this.space = space;
        this.indexType = indexType;
    }

    /**
     * Statements that declare every {@code jga_at_x} and set it to the position of flat index {@code from};
     * with {@code keepColumn}, the innermost coordinate is left in {@code jga_col} and out of the positions.
     */
    String walk(String from, boolean keepColumn, String pad) {
        String type = indexType + " ";
        StringBuilder code = new StringBuilder();
        for (String a : space.arrays()) {
            code.append(pad).append(type).append(IndexSpace.at(a)).append(" = ").append(IndexSpace.offset(a))
                    .append(";\n");
        }
        code.append(pad).append(type).append("jga_rest = ")
                .append(from).append(";\n");
        int last = space.ndim() - 1;
        for (int d = last; d >= 1; d--) {
            boolean column = keepColumn && d == last;
            String c = column ? "jga_col" : "jga_c";
            code.append(pad).append(column ? "" : "{\n" + pad + "    ").append(indexType).append(' ').append(c)
                    .append(" = jga_rest % ").append(IndexSpace.shape(d)).append(";\n");
            String inner = column ? pad : pad + "    ";
            code.append(inner).append("jga_rest /= ").append(IndexSpace.shape(d)).append(";\n");
            if (!column) {
                for (String a : space.arrays()) {
                    code.append(inner).append(IndexSpace.at(a)).append(" += jga_c * ")
                            .append(IndexSpace.stride(a, d)).append(";\n");
                }
                code.append(pad).append("}\n");
            }
        }
        for (String a : space.arrays()) {
            code.append(pad).append(IndexSpace.at(a)).append(" += jga_rest * ").append(IndexSpace.stride(a, 0))
                    .append(";\n");
        }
        return code.toString();
    }
}
