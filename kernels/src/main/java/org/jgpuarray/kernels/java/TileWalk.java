package org.jgpuarray.kernels.java;

import java.util.List;
import java.util.function.Consumer;
import org.jgpuarray.kernels.IndexSpace;

/**
 * The tiled part of an {@link Odometer}'s loop, for index spaces of two or more dimensions. When an array
 * steps along the innermost axis by more than along the next one (a transposed view: the output runs along
 * its rows while the operand runs down its columns), a row-at-a-time walk touches a new cache line of that
 * operand at every element and uses it once per row. The tiled walk takes a band of up to {@link #ROWS}
 * whole rows and covers it in blocks of {@link #COLUMNS} columns, so that the lines of every operand that a
 * block touches are used up while they are still in the L1 cache. The decision is made at run time, once
 * per range: the generated class is the same for every layout of its operands. Elements keep their flat
 * index {@code i}; only the order in which a range's elements run changes. Positions within a tile are
 * {@code int} arithmetic (every position indexes a Java array), about 20% faster than {@code long}.
 */
final class TileWalk {
    /**
     * Rows in one band: a tall band reads each column of a transposed operand in runs of 64 elements (four
     * float cache lines), long enough for the hardware prefetcher to follow; measured on 4096x4096 float32
     * (a + b.T, one thread), 64x16 tiles ran about 4x faster than rows and 2x faster than 32x32 tiles.
     */
    static final int ROWS = 64;
    /** Columns in one block: 16 float columns are one cache line of each row of a contiguous operand. */
    static final int COLUMNS = 16;

    private final IndexSpace space;
    private final List<Symbol> positions;
    private final CodeWriter out;
    private final int last;

    TileWalk(IndexSpace space, List<Symbol> positions, CodeWriter out) {
        this.space = space;
        this.positions = positions;
        this.out = out;
        this.last = space.ndim() - 1;
    }

    /** True when the space has the two dimensions a tile needs. */
    boolean applies() {
        return space.ndim() >= 2;
    }

    /** Declares {@code tiled$}: whether some array steps along the innermost axis by more than along the next. */
    void decide() {
        StringBuilder crossed = new StringBuilder();
        for (String a : space.arrays()) {
            String outer = IndexSpace.stride(a, last - 1);
            String inner = IndexSpace.stride(a, last);
            crossed.append(crossed.length() == 0 ? "" : " || ").append("(").append(outer).append(" != 0L && ")
                    .append("Math.abs(").append(outer).append(") < Math.abs(").append(inner).append("))");
        }
        out.line("final boolean tiled$ = " + crossed + ";");
    }

    /**
     * Emits, at the top of the row loop, the walk of a band of whole rows that starts at the current row,
     * ending with {@code continue}; rows that do not form a band fall through to the row-at-a-time walk.
     */
    void band(String index, Consumer<CodeWriter> body) {
        String rows = IndexSpace.shape(last - 1);
        String cols = IndexSpace.shape(last);
        out.line("final int band$ = tiled$ && c" + last + "$ == 0L ? (int) Math.min(Math.min((long) " + ROWS + ", "
                + rows + " - c" + (last - 1) + "$), (end$ - row$) / " + cols + ") : 0;");
        out.open("if (band$ > 1) {");
        out.line("final int cols$ = (int) " + cols + ";");
        for (int k = 0; k < positions.size(); k++) {
            out.line("final int u" + k + "$ = (int) " + stride(k, last) + ";");
        }
        out.open("for (int cb$ = 0; cb$ < cols$; cb$ += " + COLUMNS + ") {");
        out.line("final int ce$ = Math.min(cols$, cb$ + " + COLUMNS + ");");
        out.open("for (int r$ = 0; r$ < band$; r$++) {");
        out.line("final int base$ = row$ + r$ * cols$;");
        for (int k = 0; k < positions.size(); k++) {
            out.line("final int t" + k + "$ = (int) (p" + k + "$ + r$ * " + stride(k, last - 1) + ");");
        }
        out.open("for (int j$ = cb$; j$ < ce$; j$++) {");
        out.line("final int i$ = base$ + j$;");
        out.line("final long " + index + " = i$;");
        for (int k = 0; k < positions.size(); k++) {
            out.line("final long " + positions.get(k).javaName() + " = t" + k + "$ + j$ * u" + k + "$;");
        }
        body.accept(out);
        out.close("}");
        out.close("}");
        out.close("}");
        out.line("row$ += band$ * cols$;");
        out.line("c" + (last - 1) + "$ += band$;");
        for (int k = 0; k < positions.size(); k++) {
            out.line("p" + k + "$ += band$ * " + stride(k, last - 1) + ";");
        }
    }

    /** Closes what {@link #band} opened, after the caller emitted the carry out of the band's axis. */
    void endBand() {
        out.line("continue;");
        out.close("}");
    }

    private String stride(int k, int d) {
        return IndexSpace.stride(space.arrays().get(k), d);
    }
}
