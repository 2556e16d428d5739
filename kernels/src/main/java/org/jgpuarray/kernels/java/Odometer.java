package org.jgpuarray.kernels.java;

import java.util.List;
import org.jgpuarray.kernels.IndexSpace;

/**
 * Emits the position keeping of an {@link IndexSpace} in a generated Java loop: coordinates {@code c<d>$}
 * and one {@code jga_at_x} per array, set once from the range's first flat index and then advanced per
 * element: the innermost coordinate by one (each array by its innermost stride), with a carry into the
 * outer coordinates when a row ends. The advance runs at the top of every iteration but the first, so a
 * {@code continue} in the operation cannot skip it.
 */
final class Odometer {
    private final IndexSpace space;
    private final List<Symbol> positions;
    private final CodeWriter out;

    Odometer(IndexSpace space, List<Symbol> positions, CodeWriter out) {
        this.space = space;
        this.positions = positions;
        this.out = out;
    }

    /** Declares the coordinates and positions at flat index {@code from$}. */
    void start() {
        int last = space.ndim() - 1;
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
            out.line("long " + positions.get(k).javaName() + " = " + start + ";");
        }
    }

    /** Moves every position to the next element, except before the first element of the range. */
    void advanceUnlessFirst() {
        out.open("if (i$ != (int) from$) {");
        advance(space.ndim() - 1);
        out.close("}");
    }

    private void advance(int d) {
        for (int k = 0; k < positions.size(); k++) {
            out.line(positions.get(k).javaName() + " += " + IndexSpace.stride(space.arrays().get(k), d) + ";");
        }
        if (d == 0) {
            return;
        }
        out.open("if (++c" + d + "$ == " + shape(d) + ") {");
        out.line("c" + d + "$ = 0;");
        for (int k = 0; k < positions.size(); k++) {
            out.line(positions.get(k).javaName() + " -= " + shape(d) + " * "
                    + IndexSpace.stride(space.arrays().get(k), d) + ";");
        }
        advance(d - 1);
        out.close("}");
    }

    private static String shape(int d) {
        return IndexSpace.shape(d);
    }
}
