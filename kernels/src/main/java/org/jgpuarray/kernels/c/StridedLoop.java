package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.IndexSpace;

/**
 * The element loop of a generated C kernel over an index space of two or more dimensions. A plain
 * grid-stride loop divides every element's flat index by the extents to find its coordinates; on a CPU
 * OpenCL driver such as PoCL, which runs a work-group as one loop over its work-items, those divisions and
 * the loop itself keep that loop from being vectorized (a row broadcast ran at a third of the contiguous
 * speed). When the launch has exactly a thread per element (as the launch geometry gives CPU devices, and
 * GPUs for small arrays, when the rows are a whole number of blocks long), every block's elements lie in one row: the
 * loop then finds the coordinates of the block's first element, a value the whole block shares, and each
 * thread adds its lane along the row, with no per-element division and no loop. The condition is the same
 * for every thread of the launch, so PoCL takes the branch once for the whole work-group loop (measured on
 * 4096x4096 float32, a row broadcast: about 4 ms against 55 ms for per-element divisions, and 14 ms for a
 * per-block condition). Other shapes, and larger arrays, take the grid-stride loop as before.
 */
final class StridedLoop {
    private final IndexSpace space;
    private final GpuDialect d;
    private final ElementPositions positions;

    StridedLoop(IndexSpace space, GpuDialect d) {
        this.space = space;
        this.d = d;
        this.positions = new ElementPositions(space, d.indexType());
    }

    /**
     * The loop, indented one level, running {@code operation} (a statement without its semicolon) per element;
     * the grid-stride loop alone for an operation that defines a label, which the kernel may hold only once.
     */
    String code(String operation) {
        if (SnippetLabels.defines(operation)) {
            return indent("for (i = " + d.globalIndex() + "; i < n; i += " + d.globalSize() + ") {\n"
                    + positions.walk("i", true, false, "    ") + block(operation, "    ") + "}\n");
        }
        int last = space.ndim() - 1;
        String row = IndexSpace.shape(last);
        String t = d.indexType();
        StringBuilder c = new StringBuilder();
        c.append("const ").append(t).append(" jga_lanes = ").append(d.blockSize()).append(";\n");
        c.append("if (").append(d.globalSize()).append(" == n && ").append(row).append(" % jga_lanes == 0) {\n");
        c.append("    const ").append(t).append(" jga_first = ").append(d.blockIndex()).append(" * jga_lanes;\n");
        c.append(positions.walk("jga_first", true, true, "    "));
        c.append("    i = jga_first + ").append(d.lane()).append(";\n");
        for (String a : space.arrays()) {
            c.append("    ").append(IndexSpace.at(a)).append(" += (jga_col + ").append(d.lane()).append(") * ")
                    .append(IndexSpace.stride(a, last)).append(";\n");
        }
        c.append(block(operation, "    "));
        c.append("} else {\n");
        c.append("    for (i = ").append(d.globalIndex()).append("; i < n; i += ").append(d.globalSize()).append(") {\n");
        c.append(positions.walk("i", true, false, "        "));
        c.append(block(operation, "        "));
        c.append("    }\n");
        c.append("}\n");
        return indent(c.toString());
    }

    /** The user's operation (it appears twice) in a block of its own, so that each copy's declarations stay apart. */
    private static String block(String operation, String pad) {
        StringBuilder c = new StringBuilder(pad).append("{\n");
        String[] lines = operation.strip().split("\n", -1);
        for (String line : lines) {
            c.append(pad).append("    ").append(line).append('\n');
        }
        c.setLength(c.length() - 1); // the statement's semicolon, on a line of its own after a line comment
        c.append(lines[lines.length - 1].contains("//") ? "\n" + pad + "    ;\n" : ";\n");
        return c.append(pad).append("}\n").toString();
    }

    private static String indent(String code) {
        return "    " + code.strip().replace("\n", "\n    ");
    }
}
