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
 * per-block condition). In a {@link IndexSpace#tiled() tiled} space (the host's variant for layouts where
 * an array runs across the rows, a transposed view), such a launch instead covers the output in tiles, one
 * per block (see {@link #tiles}); only that variant carries the tile code, because beside it PoCL no longer
 * ran the row branch fast (a row broadcast: 6 against 51-64 ms). Other shapes, and larger arrays, take the
 * grid-stride loop as before.
 */
final class StridedLoop {
    /**
     * Columns of one tile of the tiled branch. A tile reads this many rows of a transposed operand; with rows
     * a power of two apart (4096 floats), more than 8 of them share one set of an 8-way L1 cache and evict
     * each other. Measured on PoCL, 4096x4096 float32 {@code a.T + b}, work-groups of 1024: 8 and 4 columns
     * 50-60 ms, 16 and 32 columns 80-190 ms, the row-at-a-time launch 100-190 ms (a loaded 2-core machine).
     */
    static final int TILE_COLUMNS = 8;

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
            return CSourceGenerator.indent(gridStride(operation, ""), 1);
        }
        int last = space.ndim() - 1;
        String row = IndexSpace.shape(last);
        String t = d.indexType();
        StringBuilder c = new StringBuilder();
        c.append("const ").append(t).append(" jga_lanes = ").append(d.blockSize()).append(";\n");
        if (space.tiled()) {
            c.append(tiles(operation, last, t));
        }
        c.append("if (").append(d.globalSize()).append(" == n && ").append(row).append(" % jga_lanes == 0) {\n");
        c.append("    const ").append(t).append(" jga_first = ").append(d.blockIndex()).append(" * jga_lanes;\n");
        c.append(positions.walk("jga_first", true, "    "));
        c.append("    i = jga_first + ").append(d.lane()).append(";\n");
        for (String a : space.arrays()) {
            c.append("    ").append(IndexSpace.at(a)).append(" += (jga_col + ").append(d.lane()).append(") * ")
                    .append(IndexSpace.stride(a, last)).append(";\n");
        }
        c.append(block(operation, "    "));
        c.append("} else {\n");
        c.append(gridStride(operation, "    "));
        c.append("}\n");
        return CSourceGenerator.indent(c.toString(), 1);
    }

    /** The grid-stride loop over every element, each with its positions, at indentation {@code pad}. */
    private String gridStride(String operation, String pad) {
        return pad + "for (i = " + d.globalIndex() + "; i < n; i += " + d.globalSize() + ") {\n"
                + positions.walk("i", false, pad + "    ") + block(operation, pad + "    ") + pad + "}\n";
    }

    /**
     * The tiled branch, opening an {@code if} that the caller continues with {@code else}: the launch walks
     * the output in tiles of {@code lanes / }{@value #TILE_COLUMNS} rows by {@value #TILE_COLUMNS} columns,
     * one tile per block, its threads along the tile's rows, so that a crossed array's cache lines are all
     * used within one block (on PoCL, one core's loop over the block) while the other arrays stay coalesced.
     * Taken when the launch has a thread per element, the rows are a whole number of tiles wide and the
     * bands of rows a whole number of tiles high, and some array steps along the innermost axis by more than
     * along the next (a transposed view). Everything the block shares is computed before the branch and
     * without conditions, so that PoCL hoists its divisions out of the loop over the work-items; only
     * shifts and products remain per element.
     */
    private String tiles(String operation, int last, String t) {
        String row = IndexSpace.shape(last);
        String rows = IndexSpace.shape(last - 1);
        int cols = TILE_COLUMNS;
        StringBuilder crossed = new StringBuilder();
        for (String a : space.arrays()) {
            String outer = IndexSpace.stride(a, last - 1);
            String inner = IndexSpace.stride(a, last);
            crossed.append(" || (").append(outer).append(" != 0 && ").append(magnitude(outer)).append(" < ")
                    .append(magnitude(inner)).append(")");
        }
        StringBuilder c = new StringBuilder();
        c.append("const ").append(t).append(" jga_tile_rows = jga_lanes >= ").append(cols).append(" ? jga_lanes / ")
                .append(cols).append(" : 1;\n");
        c.append("const ").append(t).append(" jga_across = ").append(row).append(" >= ").append(cols).append(" ? ")
                .append(row).append(" / ").append(cols).append(" : 1;\n");
        c.append("const ").append(t).append(" jga_band_rows = ").append(rows).append(" % jga_tile_rows;\n");
        c.append("const ").append(t).append(" jga_band = ").append(d.blockIndex()).append(" / jga_across;\n");
        c.append("const ").append(t).append(" jga_tile_col = (").append(d.blockIndex())
                .append(" - jga_band * jga_across) * ").append(cols).append(";\n");
        c.append("const ").append(t).append(" jga_tile_first = jga_band * jga_tile_rows * ").append(row)
                .append(" + jga_tile_col;\n");
        for (String a : space.arrays()) {
            c.append(t).append(" jga_tile_").append(a).append(" = ").append(IndexSpace.offset(a))
                    .append(" + jga_tile_col * ").append(IndexSpace.stride(a, last)).append(";\n");
        }
        c.append(t).append(" jga_tile_rest = jga_band * jga_tile_rows;\n");
        for (int k = last - 1; k >= 1; k--) {
            c.append("{\n");
            c.append("    const ").append(t).append(" jga_c = jga_tile_rest % ").append(IndexSpace.shape(k)).append(";\n");
            c.append("    jga_tile_rest /= ").append(IndexSpace.shape(k)).append(";\n");
            for (String a : space.arrays()) {
                c.append("    jga_tile_").append(a).append(" += jga_c * ").append(IndexSpace.stride(a, k)).append(";\n");
            }
            c.append("}\n");
        }
        for (String a : space.arrays()) {
            c.append("jga_tile_").append(a).append(" += jga_tile_rest * ").append(IndexSpace.stride(a, 0)).append(";\n");
        }
        c.append("if (").append(d.globalSize()).append(" == n && jga_lanes % ").append(cols).append(" == 0 && ")
                .append(row).append(" % ").append(cols).append(" == 0 && jga_band_rows == 0 && (0")
                .append(crossed).append(")) {\n");
        c.append("    const ").append(t).append(" jga_r = ").append(d.lane()).append(" / ").append(cols).append(";\n");
        c.append("    const ").append(t).append(" jga_l = ").append(d.lane()).append(" % ").append(cols).append(";\n");
        c.append("    i = jga_tile_first + jga_r * ").append(row).append(" + jga_l;\n");
        for (String a : space.arrays()) {
            c.append("    ").append(t).append(' ').append(IndexSpace.at(a)).append(" = jga_tile_").append(a)
                    .append(" + jga_l * ").append(IndexSpace.stride(a, last)).append(" + jga_r * ")
                    .append(IndexSpace.stride(a, last - 1)).append(";\n");
        }
        c.append(block(operation, "    "));
        c.append("} else ");
        return c.toString();
    }

    private static String magnitude(String v) {
        return "(" + v + " < 0 ? -" + v + " : " + v + ")";
    }

    /** The user's operation (it appears two or three times) in a block of its own, so that each copy's declarations stay apart. */
    private static String block(String operation, String pad) {
        StringBuilder c = new StringBuilder(pad).append("{\n");
        String[] lines = operation.strip().split("\n", -1);
        for (String line : lines) {
            c.append(pad).append("    ").append(line).append('\n');
        }
        c.setLength(c.length() - 1); // the statement's semicolon, on a line of its own after a line comment
        c.append(CSourceGenerator.endsInLineComment(operation) ? "\n" + pad + "    ;\n" : ";\n");
        return c.append(pad).append("}\n").toString();
    }
}
