package org.jgpuarray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where the elements of an array lie in its buffer: shape, strides and offset, in elements. Views are
 * new geometries over the same buffer; the functions here compute them, NumPy's way, and check their
 * arguments. Immutable.
 *
 * @param shape   extents
 * @param strides elements between neighbours along each axis (0 for a broadcast axis, negative for a
 *                reversed one)
 * @param offset  the element of the buffer at index (0, ..., 0)
 */
record Geometry(long[] shape, long[] strides, long offset) {
    Geometry {
        shape = shape.clone();
        strides = strides.clone();
    }

    /** The extents: a copy, so that no caller can change an immutable geometry (or the array it describes). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** True when {@code other} has the same shape; copies nothing (kernel calls ask it every time). */
    boolean sameShape(Geometry other) {
        return Arrays.equals(shape, other.shape);
    }

    /** The strides in elements: a copy, as {@link #shape()}. */
    @Override
    public long[] strides() {
        return strides.clone();
    }

    /** C-order geometry of {@code shape} at offset 0. */
    static Geometry contiguous(long[] shape) {
        return new Geometry(shape, cStrides(shape), 0);
    }

    /** The strides of a C-order array. */
    static long[] cStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = step;
            step *= Math.max(1, shape[d]);
        }
        return strides;
    }

    long size() {
        return Shapes.size(shape);
    }

    /** True when the elements are in C order, one after the other (axes of extent 1 and 0-size arrays count as such). */
    boolean isContiguous() {
        long step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != step) {
                return size() <= 1; // the size only where the strides say no: it costs a product per call
            }
            step *= shape[d];
        }
        return true;
    }

    /** Contiguous and starting at the buffer's first element: kernels can index it by {@code i}. */
    boolean isFlat() {
        return isContiguous() && (offset == 0 || size() == 0);
    }

    /** True when some element is reachable twice (a broadcast axis): such a view cannot be written. */
    boolean overlaps() {
        for (int d = 0; d < shape.length; d++) {
            if (strides[d] == 0 && shape[d] > 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * NumPy's basic indexing.
     *
     * @throws IndexOutOfBoundsException for an integer outside its axis
     * @throws IllegalArgumentException  for too many entries or two ellipses
     */
    Geometry index(Index... entries) {
        int consuming = 0;
        int ellipses = 0;
        for (Index e : entries) {
            if (e instanceof Index.Ellipsis) {
                ellipses++;
            } else if (!(e instanceof Index.NewAxis)) {
                consuming++;
            }
        }
        if (ellipses > 1) {
            throw new IllegalArgumentException("an index can only have one ellipsis (...)");
        }
        if (consuming > shape.length) {
            throw new IllegalArgumentException("too many indices for an array of shape " + Shapes.format(shape) + ": "
                    + consuming + " were given");
        }
        List<Long> newShape = new ArrayList<>();
        List<Long> newStrides = new ArrayList<>();
        long newOffset = offset;
        int axis = 0;
        for (Index e : entries) {
            if (e instanceof Index.Ellipsis) {
                for (int k = 0; k < shape.length - consuming; k++, axis++) {
                    newShape.add(shape[axis]);
                    newStrides.add(strides[axis]);
                }
            } else if (e instanceof Index.NewAxis) {
                newShape.add(1L);
                newStrides.add(0L);
            } else if (e instanceof Index.Position p) {
                long k = p.index < 0 ? p.index + shape[axis] : p.index;
                if (k < 0 || k >= shape[axis]) {
                    throw new IndexOutOfBoundsException("index " + p.index + " is out of bounds for axis " + axis
                            + " with size " + shape[axis]);
                }
                newOffset += k * strides[axis];
                axis++;
            } else {
                long[] r = ((Index.Slice) e).resolve(shape[axis]);
                newShape.add(r[1]);
                newStrides.add(strides[axis] * r[2]);
                if (r[1] > 0) {
                    newOffset += r[0] * strides[axis];
                }
                axis++;
            }
        }
        for (; axis < shape.length; axis++) {
            newShape.add(shape[axis]);
            newStrides.add(strides[axis]);
        }
        return new Geometry(toArray(newShape), toArray(newStrides), newOffset);
    }

    /**
     * The axes in a new order: axis {@code k} of the result is axis {@code order[k]} of this.
     *
     * @throws IllegalArgumentException when {@code order} is not a permutation of the axes
     */
    Geometry permute(int... order) {
        if (order.length != shape.length) {
            throw new IllegalArgumentException("axes " + Arrays.toString(order) + " do not match an array of "
                    + shape.length + " dimensions");
        }
        boolean[] seen = new boolean[shape.length];
        long[] s = new long[order.length];
        long[] t = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            int a = normalizeAxis(order[k], shape.length);
            if (seen[a]) {
                throw new IllegalArgumentException("repeated axis in " + Arrays.toString(order));
            }
            seen[a] = true;
            s[k] = shape[a];
            t[k] = strides[a];
        }
        return new Geometry(s, t, offset);
    }

    /** All axes reversed: NumPy's {@code T}. */
    Geometry transpose() {
        int[] order = new int[shape.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = order.length - 1 - k;
        }
        return permute(order);
    }

    /**
     * This array seen with {@code target} shape by NumPy's broadcasting rules (read-only: axes of stride 0).
     *
     * @throws IllegalArgumentException naming both shapes when they do not broadcast
     */
    Geometry broadcastTo(long[] target) {
        if (target.length < shape.length) {
            throw notBroadcastable(shape, target);
        }
        long[] t = new long[target.length];
        int lead = target.length - shape.length;
        for (int d = 0; d < target.length; d++) {
            if (d < lead) {
                t[d] = 0;
            } else if (shape[d - lead] == target[d]) {
                t[d] = strides[d - lead];
            } else if (shape[d - lead] == 1) {
                t[d] = 0;
            } else {
                throw notBroadcastable(shape, target);
            }
        }
        return new Geometry(target, t, offset);
    }

    /**
     * The shape arrays of {@code shapes} broadcast to, by NumPy's rules.
     *
     * @throws IllegalArgumentException naming the shapes when they do not broadcast
     */
    static long[] broadcast(long[]... shapes) {
        int ndim = 0;
        for (long[] s : shapes) {
            ndim = Math.max(ndim, s.length);
        }
        long[] result = new long[ndim];
        Arrays.fill(result, 1);
        for (long[] s : shapes) {
            for (int k = 0; k < s.length; k++) {
                int d = ndim - s.length + k;
                if (result[d] == 1) {
                    result[d] = s[k];
                } else if (s[k] != 1 && s[k] != result[d]) {
                    StringBuilder all = new StringBuilder();
                    for (long[] t : shapes) {
                        all.append(all.length() == 0 ? "" : " ").append(Shapes.format(t));
                    }
                    throw new IllegalArgumentException("operands could not be broadcast together with shapes " + all);
                }
            }
        }
        return result;
    }

    /** Axes of extent 1 removed (those given, or all). */
    Geometry squeeze(int... axes) {
        boolean[] drop = new boolean[shape.length];
        if (axes.length == 0) {
            for (int d = 0; d < shape.length; d++) {
                drop[d] = shape[d] == 1;
            }
        } else {
            for (int a : axes) {
                int d = normalizeAxis(a, shape.length);
                if (shape[d] != 1) {
                    throw new IllegalArgumentException("cannot squeeze axis " + a + " of extent " + shape[d]);
                }
                drop[d] = true;
            }
        }
        List<Long> s = new ArrayList<>();
        List<Long> t = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (!drop[d]) {
                s.add(shape[d]);
                t.add(strides[d]);
            }
        }
        return new Geometry(toArray(s), toArray(t), offset);
    }

    /** A new axis of extent 1 at position {@code axis} of the result (negative counts from the end). */
    Geometry expandDims(int axis) {
        int d = normalizeAxis(axis, shape.length + 1);
        long[] s = new long[shape.length + 1];
        long[] t = new long[shape.length + 1];
        for (int k = 0, j = 0; k < s.length; k++) {
            if (k == d) {
                s[k] = 1;
                t[k] = 0;
            } else {
                s[k] = shape[j];
                t[k] = strides[j];
                j++;
            }
        }
        return new Geometry(s, t, offset);
    }

    /**
     * The diagonal with offset {@code k} (above the main diagonal when positive) of the matrices that axes
     * {@code axis1} and {@code axis2} span, as NumPy's {@code diagonal}: those two axes are removed and the
     * diagonal becomes the last axis.
     *
     * @throws IllegalArgumentException for fewer than two axes, or the same axis twice
     */
    Geometry diagonal(long k, int axis1, int axis2) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("diagonal needs at least 2 dimensions, got shape " + Shapes.format(shape));
        }
        int a1 = normalizeAxis(axis1, shape.length);
        int a2 = normalizeAxis(axis2, shape.length);
        if (a1 == a2) {
            throw new IllegalArgumentException("diagonal: axis1 and axis2 are both axis " + a1 + " of shape "
                    + Shapes.format(shape));
        }
        long rows = shape[a1];
        long cols = shape[a2];
        long start = k >= 0 ? Math.min(k, cols) * strides[a2] : Math.min(-k, rows) * strides[a1];
        long length = k >= 0 ? Math.max(0, Math.min(rows, cols - k)) : Math.max(0, Math.min(rows + k, cols));
        long[] s = new long[shape.length - 1];
        long[] t = new long[shape.length - 1];
        for (int d = 0, e = 0; d < shape.length; d++) {
            if (d != a1 && d != a2) {
                s[e] = shape[d];
                t[e] = strides[d];
                e++;
            }
        }
        s[s.length - 1] = length;
        t[t.length - 1] = strides[a1] + strides[a2];
        return new Geometry(s, t, length > 0 ? offset + start : offset);
    }

    /**
     * The same elements with another shape, when this contiguous layout allows it without a copy.
     *
     * @return the view, or null when the elements are not contiguous
     */
    Geometry reshapeView(long[] newShape) {
        if (!isContiguous()) {
            return null;
        }
        return new Geometry(newShape, cStrides(newShape), offset);
    }

    /**
     * A contiguous geometry of the same shape whose memory order follows this one's (NumPy's order 'K'):
     * axes sorted by decreasing stride, so an elementwise result of a transposed view is itself a
     * transposed (and contiguous in memory) array, and the kernel runs flat.
     */
    Geometry keepOrder() {
        Integer[] axes = new Integer[shape.length];
        for (int d = 0; d < axes.length; d++) {
            axes[d] = d;
        }
        Arrays.sort(axes, Comparator.comparingLong((Integer d) -> -Math.abs(strides[d])));
        long[] result = new long[shape.length];
        long step = 1;
        for (int k = axes.length - 1; k >= 0; k--) {
            result[axes[k]] = step;
            step *= Math.max(1, shape[axes[k]]);
        }
        return new Geometry(shape, result, 0);
    }

    /** True when the strides are those of {@link #keepOrder()} over some axis order and there are no broadcast axes. */
    boolean denseInSomeOrder() {
        return !overlaps() && keepOrder().equalsLayout(new Geometry(shape, strides, 0));
    }

    private boolean equalsLayout(Geometry other) {
        if (size() <= 1) {
            return true;
        }
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1 && strides[d] != other.strides[d]) {
                return false;
            }
        }
        return true;
    }

    /** An axis counted from the front (negative counts from the end), checked against {@code ndim}. */
    static int normalizeAxis(int axis, int ndim) {
        int a = axis < 0 ? axis + ndim : axis;
        if (a < 0 || a >= ndim) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + ndim);
        }
        return a;
    }

    private static IllegalArgumentException notBroadcastable(long[] from, long[] to) {
        return new IllegalArgumentException("cannot broadcast an array of shape " + Shapes.format(from)
                + " to shape " + Shapes.format(to));
    }

    private static long[] toArray(List<Long> values) {
        long[] a = new long[values.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = values.get(k);
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && Arrays.equals(shape, g.shape) && Arrays.equals(strides, g.strides)
                && offset == g.offset;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(strides)) + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "Geometry" + Arrays.toString(shape) + " strides " + Arrays.toString(strides) + " offset " + offset;
    }
}
