package org.jgpuarray;

import java.util.Arrays;

/**
 * The axes a reduction removes from a shape, checked: NumPy's {@code axis} (negative counts from the end;
 * none given means every axis) and {@code keepdims}. Immutable.
 *
 * @param shape    the shape reduced
 * @param reduced  per axis, whether it is reduced
 * @param keepdims whether reduced axes stay in the result with extent 1
 */
record ReducedAxes(long[] shape, boolean[] reduced, boolean keepdims) {
    ReducedAxes {
        shape = shape.clone();
        reduced = reduced.clone();
    }

    /**
     * The axes {@code axes} of {@code shape}; an empty {@code axes} reduces every axis.
     *
     * @param op names the operation in messages
     * @throws IllegalArgumentException naming the axis and the shape, for an axis out of range or given twice
     */
    static ReducedAxes of(String op, long[] shape, int[] axes, boolean keepdims) {
        boolean[] reduced = new boolean[shape.length];
        if (axes.length == 0) {
            Arrays.fill(reduced, true);
        }
        for (int axis : axes) {
            int a = axis < 0 ? axis + shape.length : axis;
            if (a < 0 || a >= shape.length) {
                throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for an array of shape "
                        + Shapes.format(shape) + " (" + shape.length + " dimensions)");
            }
            if (reduced[a]) {
                throw new IllegalArgumentException(op + ": axis " + axis + " is given twice in " + Arrays.toString(axes)
                        + " for an array of shape " + Shapes.format(shape));
            }
            reduced[a] = true;
        }
        return new ReducedAxes(shape, reduced, keepdims);
    }

    /** The shape of the result: reduced axes removed, or kept with extent 1. */
    long[] resultShape() {
        return Arrays.stream(axes(false, keepdims)).mapToLong(d -> reduced[d] ? 1 : shape[d]).toArray();
    }

    /** The number of elements reduced into each result: the product of the reduced extents. */
    long count() {
        long n = 1;
        for (int d = 0; d < shape.length; d++) {
            n *= reduced[d] ? shape[d] : 1;
        }
        return n;
    }

    /** The number of results. */
    long outputs() {
        return Shapes.size(resultShape());
    }

    /** True when every axis is reduced (a 0-d array has none, and counts as such). */
    boolean all() {
        for (boolean r : reduced) {
            if (!r) {
                return false;
            }
        }
        return true;
    }

    /** The reduced axes (when {@code wanted}) or the kept ones, in order; with {@code alsoOther} every axis. */
    int[] axes(boolean wanted, boolean alsoOther) {
        return java.util.stream.IntStream.range(0, shape.length).filter(d -> alsoOther || reduced[d] == wanted)
                .toArray();
    }

    /**
     * Refuses an empty reduction for an operation without identity, as NumPy does whenever a reduced axis has
     * extent 0 (even when the result is empty).
     */
    void requireNonEmpty(String op) {
        for (int d = 0; d < shape.length; d++) {
            if (reduced[d] && shape[d] == 0) {
                throw new IllegalArgumentException("zero-size array to reduction operation " + op
                        + ", which has no identity: axis " + d + " of shape " + Shapes.format(shape) + " is empty");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReducedAxes r && Arrays.equals(shape, r.shape) && Arrays.equals(reduced, r.reduced)
                && keepdims == r.keepdims;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(reduced) + (keepdims ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ReducedAxes" + Shapes.format(shape) + " " + Arrays.toString(reduced) + (keepdims ? " keepdims" : "");
    }
}
