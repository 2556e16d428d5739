package org.jgpuarray.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an elementwise kernel addresses some of its arrays: through a shape and each array's own offset and
 * strides (in elements) instead of the flat index {@code i}, so that views (slices, transposes, broadcasts)
 * run without copies. The flat index {@code i} still counts the positions of the index space in C order;
 * for each array {@code x} named here, the snippet reads and writes {@code x[jga_at_x]}, the element of
 * {@code x} at the current position. The kernel declares, among its arguments, the {@code long} parameters
 * of {@link #declaration()}: the extents, then per array its offset and strides. An immutable value.
 *
 * @param ndim   dimensions of the index space, 0 for none (plain flat kernels)
 * @param arrays the array arguments addressed through it, in order
 * @param tiled  whether the GPU dialects' kernels also carry a walk in tiles of the output, for layouts in
 *               which an array steps along the innermost dimension by more than along the next one (a
 *               transposed view); the same answers either way, a separate kernel
 */
public record IndexSpace(int ndim, List<String> arrays, boolean tiled) {
    /** No index space: every array is indexed by {@code i} directly. */
    public static final IndexSpace NONE = new IndexSpace(0, List.of());

    public IndexSpace {
        arrays = List.copyOf(arrays);
        if (tiled && ndim < 2) {
            throw new IllegalArgumentException("a tiled index space needs two or more dimensions, got " + ndim);
        }
        if (ndim < 0 || (ndim == 0) != arrays.isEmpty()) {
            throw new IllegalArgumentException("an index space needs at least one dimension and one array, got "
                    + ndim + " and " + arrays);
        }
        for (String a : arrays) {
            if (!Identifiers.isIdentifier(Objects.requireNonNull(a, "array"))) {
                throw new IllegalArgumentException("'" + a + "' is not a C identifier");
            }
        }
    }

    /** An index space without the tiled walk. */
    public IndexSpace(int ndim, List<String> arrays) {
        this(ndim, arrays, false);
    }

    /**
     * The record's text, without the {@code tiled} component when it is false, so that the names generated
     * kernels derive from their spec's text stay what they were before tiled spaces existed.
     */
    @Override
    public String toString() {
        return "IndexSpace[ndim=" + ndim + ", arrays=" + arrays + (tiled ? ", tiled=true]" : "]");
    }

    /** This space with the tiled walk (two or more dimensions). */
    public IndexSpace withTiles() {
        return new IndexSpace(ndim, arrays, true);
    }

    /** True for a real index space (not {@link #NONE}). */
    public boolean present() {
        return ndim > 0;
    }

    /** The parameter holding extent {@code d}. */
    public static String shape(int d) {
        return "jga_shape" + d;
    }

    /** The parameter holding the element offset of {@code array}. */
    public static String offset(String array) {
        return "jga_off_" + array;
    }

    /** The parameter holding the stride of {@code array} along dimension {@code d}, in elements. */
    public static String stride(String array, int d) {
        return "jga_st" + d + "_" + array;
    }

    /** The variable a snippet subscripts {@code array} with: its element at the current position. */
    public static String at(String array) {
        return "jga_at_" + array;
    }

    /** The parameter declarations of this space, in order: {@code long jga_shape0, ..., long jga_off_x, ...}. */
    public String declaration() {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < ndim; d++) {
            parts.add("long " + shape(d));
        }
        for (String a : arrays) {
            parts.add("long " + offset(a));
            for (int d = 0; d < ndim; d++) {
                parts.add("long " + stride(a, d));
            }
        }
        return String.join(", ", parts);
    }

    /** Checks that {@code arguments} declares every parameter of this space and that each array is an array argument. */
    void checkDeclaredIn(String kernel, ArgumentList arguments) {
        if (!present()) {
            return;
        }
        for (String a : arrays) {
            boolean isArray = arguments.arguments().stream().anyMatch(p -> p.name().equals(a) && p.array());
            if (!isArray) {
                throw new IllegalArgumentException("kernel '" + kernel + "': '" + a
                        + "' of its index space is not an array argument");
            }
        }
        for (String declared : declaration().split(", ")) {
            String name = declared.substring("long ".length());
            boolean found = arguments.arguments().stream()
                    .anyMatch(p -> p.name().equals(name) && !p.array() && p.type() == ScalarType.INT64);
            if (!found) {
                throw new IllegalArgumentException("kernel '" + kernel + "' lacks the index-space parameter 'long "
                        + name + "'");
            }
        }
    }
}
