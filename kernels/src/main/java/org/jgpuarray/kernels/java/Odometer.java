package org.jgpuarray.kernels.java;

import java.util.List;
import java.util.function.Consumer;
import org.jgpuarray.kernels.IndexSpace;

/**
 * Emits the loop of a generated Java kernel over an {@link IndexSpace}: the range's first flat index sets
 * the coordinates {@code c<d>$} and each array's position {@code p<k>$}; then the range is walked one row
 * (run along the innermost axis) at a time. Within a row each {@code jga_at_x} is its array's position plus
 * the column times its innermost stride; when every innermost stride is 1 at run time (contiguous rows,
 * row broadcasts) a second copy of the loop indexes by {@code p + j} with int arithmetic, which the JIT
 * compiles as it compiles a flat kernel's loop (vectorised). After a row the positions move on and carry
 * into the outer coordinates. Each element also gets the int flat index {@code i$}, by which the emitted
 * code reads flat operands ({@code a[i]}). Where an operand runs across the rows of the others (a
 * transposed view), whole rows go through {@link TileWalk} instead, in cache-sized tiles. A compact
 * odometer emits the general row loop alone, so that the element's statements appear once.
 */
final class Odometer {
    private final IndexSpace space;
    private final List<Symbol> positions;
    private final CodeWriter out;
    private final int last;
    private final boolean compact;

    Odometer(IndexSpace space, List<Symbol> positions, CodeWriter out, boolean compact) {
        this.space = space;
        this.positions = positions;
        this.out = out;
        this.last = space.ndim() - 1;
        this.compact = compact;
    }

    /**
     * Emits the whole loop over {@code [from$, end$)}; {@code body} emits the statements of one element,
     * in which {@code index} (the flat index {@code i}) and every {@code jga_at_x} are in scope.
     */
    void loop(String index, Consumer<CodeWriter> body) {
        start();
        TileWalk tiles = new TileWalk(space, positions, out);
        boolean tiled = !compact && tiles.applies();
        if (tiled) {
            tiles.decide();
        }
        out.line("int row$ = (int) from$;");
        out.open("while (row$ < end$) {");
        if (tiled) {
            tiles.band(index, body);
            carry(last - 1);
            tiles.endBand();
        }
        out.line("final int len$ = (int) Math.min(" + shape(last) + " - c" + last + "$, (long) (end$ - row$));");
        if (!compact) {
            unitStrideRow(index, body);
        }
        out.open("for (int j$ = 0; j$ < len$; j$++) {");
        out.line("final int i$ = row$ + j$;");
        out.line("final long " + index + " = i$;");
        for (int k = 0; k < positions.size(); k++) {
            out.line("final long " + positions.get(k).javaName() + " = p" + k + "$ + j$ * " + innerStride(k) + ";");
        }
        body.accept(out);
        out.close("}");
        if (!compact) {
            out.close("}");
        }
        out.line("row$ += len$;");
        out.line("c" + last + "$ += len$;");
        for (int k = 0; k < positions.size(); k++) {
            out.line("p" + k + "$ += len$ * " + innerStride(k) + ";");
        }
        carry(last);
        out.close("}");
    }

    /**
     * Opens the row's branch for every innermost stride 1 (a loop indexed with int arithmetic), and its
     * {@code else}, which the general loop fills.
     */
    private void unitStrideRow(String index, Consumer<CodeWriter> body) {
        StringBuilder unit = new StringBuilder();
        for (int k = 0; k < positions.size(); k++) {
            unit.append(k == 0 ? "" : " && ").append(innerStride(k)).append(" == 1L");
        }
        out.open("if (" + unit + ") {");
        for (int k = 0; k < positions.size(); k++) {
            out.line("final int q" + k + "$ = (int) p" + k + "$;");
        }
        out.open("for (int j$ = 0; j$ < len$; j$++) {");
        out.line("final int i$ = row$ + j$;");
        out.line("final long " + index + " = i$;");
        for (int k = 0; k < positions.size(); k++) {
            out.line("final long " + positions.get(k).javaName() + " = q" + k + "$ + j$;");
        }
        body.accept(out);
        out.close("}");
        out.close("} else {");
        out.indent();
    }

    /** Declares the coordinates and positions at flat index {@code from$}. */
    private void start() {
        out.line("long rest$ = from$;");
        for (int d = last; d >= 1; d--) {
            out.line("long c" + d + "$ = rest$ % " + shape(d) + ";");
            out.line("rest$ /= " + shape(d) + ";");
        }
        out.line("long c0$ = rest$;");
        for (int k = 0; k < positions.size(); k++) {
            String array = space.arrays().get(k);
            StringBuilder start = new StringBuilder(IndexSpace.offset(array));
            for (int d = 0; d <= last; d++) {
                start.append(" + c").append(d).append("$ * ").append(IndexSpace.stride(array, d));
            }
            out.line("long p" + k + "$ = " + start + ";");
        }
    }

    /** When coordinate {@code d} has reached its extent: back to 0, and one step along axis {@code d - 1}. */
    private void carry(int d) {
        if (d == 0) {
            return;
        }
        out.open("if (c" + d + "$ == " + shape(d) + ") {");
        out.line("c" + d + "$ = 0;");
        out.line("c" + (d - 1) + "$++;");
        for (int k = 0; k < positions.size(); k++) {
            String array = space.arrays().get(k);
            out.line("p" + k + "$ += " + IndexSpace.stride(array, d - 1) + " - " + shape(d) + " * "
                    + IndexSpace.stride(array, d) + ";");
        }
        carry(d - 1);
        out.close("}");
    }

    private String innerStride(int k) {
        return IndexSpace.stride(space.arrays().get(k), last);
    }

    private static String shape(int d) {
        return IndexSpace.shape(d);
    }
}
