package org.jgpuarray;

import java.util.Arrays;
import java.util.Objects;

/**
 * Joining and splitting arrays along an axis: NumPy's {@code concatenate}, {@code stack} and {@code split}.
 * Joins allocate the result and copy each input into its slice with {@link GPUArray#assign}, one kernel per
 * input (views are read in place, dtypes converted to the common type); splits are views.
 */
final class Assembly {
    private Assembly() {
    }

    /**
     * The arrays joined along an existing axis, in NumPy's common dtype.
     *
     * @throws IllegalArgumentException for no arrays, 0-d arrays, or shapes that differ off the axis
     */
    static GPUArray concatenate(int axis, GPUArray... arrays) {
        GPUArray first = checkArrays("concatenate", arrays);
        if (first.ndim() == 0) {
            throw new IllegalArgumentException("zero-dimensional arrays cannot be concatenated");
        }
        int ax = Geometry.normalizeAxis(axis, first.ndim());
        long[] shape = first.shape();
        shape[ax] = 0;
        for (int k = 0; k < arrays.length; k++) {
            long[] s = arrays[k].shape();
            if (!matchOffAxis(first.shape(), s, ax)) {
                throw new IllegalArgumentException("concatenate along axis " + axis + ": array " + k + " has shape "
                        + Shapes.format(s) + ", array 0 " + Shapes.format(first.shape())
                        + "; all dimensions but the axis must match");
            }
            shape[ax] = Math.addExact(shape[ax], s[ax]);
        }
        GPUArray out = first.context().empty(commonType(arrays), shape);
        long start = 0;
        for (GPUArray a : arrays) {
            long extent = a.shape()[ax];
            if (a.size() > 0) {
                try (GPUArray slot = slice(out, ax, start, start + extent)) {
                    slot.assign(a);
                }
            }
            start += extent;
        }
        return out;
    }

    /**
     * The arrays, all of one shape, joined along a new axis at {@code axis} of the result.
     *
     * @throws IllegalArgumentException for no arrays or differing shapes
     */
    static GPUArray stack(int axis, GPUArray... arrays) {
        GPUArray first = checkArrays("stack", arrays);
        int ax = Geometry.normalizeAxis(axis, first.ndim() + 1);
        GPUArray[] expanded = new GPUArray[arrays.length];
        try {
            for (int k = 0; k < arrays.length; k++) {
                if (!Arrays.equals(arrays[k].shape(), first.shape())) {
                    throw new IllegalArgumentException("stack needs arrays of one shape: array " + k + " has shape "
                            + Shapes.format(arrays[k].shape()) + ", array 0 " + Shapes.format(first.shape()));
                }
                expanded[k] = arrays[k].expandDims(ax);
            }
            return concatenate(ax, expanded);
        } finally {
            for (GPUArray e : expanded) {
                if (e != null) {
                    e.close();
                }
            }
        }
    }

    /**
     * {@code sections} views of equal extent along the axis.
     *
     * @throws IllegalArgumentException when the extent does not divide into that many sections
     */
    static GPUArray[] split(GPUArray a, int sections, int axis) {
        Objects.requireNonNull(a, "array").ensureOpen();
        int ax = Geometry.normalizeAxis(axis, a.ndim());
        long extent = a.shape()[ax];
        if (sections <= 0 || extent % sections != 0) {
            throw new IllegalArgumentException("array split does not result in an equal division: axis " + axis
                    + " of shape " + Shapes.format(a.shape()) + " into " + sections + " sections");
        }
        long[] bounds = new long[sections - 1];
        for (int k = 0; k < bounds.length; k++) {
            bounds[k] = (k + 1) * (extent / sections);
        }
        return split(a, bounds, axis);
    }

    /**
     * Views {@code a[:i0]}, {@code a[i0:i1]}, ..., {@code a[ik:]} along the axis, the bounds read as slice
     * bounds (negative ones count from the end; out-of-range ones clamp, giving empty views).
     */
    static GPUArray[] split(GPUArray a, long[] indices, int axis) {
        Objects.requireNonNull(a, "array").ensureOpen();
        Objects.requireNonNull(indices, "indices");
        int ax = Geometry.normalizeAxis(axis, a.ndim());
        GPUArray[] parts = new GPUArray[indices.length + 1];
        for (int k = 0; k < parts.length; k++) {
            Long start = k == 0 ? null : indices[k - 1];
            Long stop = k == indices.length ? null : indices[k];
            parts[k] = a.get(along(ax, Index.step(start, stop, 1)));
        }
        return parts;
    }

    /** A view of positions {@code [start, stop)} of an axis. */
    static GPUArray slice(GPUArray a, int axis, long start, long stop) {
        return a.get(along(axis, Index.range(start, stop)));
    }

    /** {@code all()} before {@code axis}, then {@code entry}. */
    static Index[] along(int axis, Index entry) {
        Index[] index = new Index[axis + 1];
        Arrays.fill(index, Index.all());
        index[axis] = entry;
        return index;
    }

    private static GPUArray checkArrays(String what, GPUArray[] arrays) {
        Objects.requireNonNull(arrays, "arrays");
        if (arrays.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one array");
        }
        for (GPUArray a : arrays) {
            Objects.requireNonNull(a, "array").ensureOpen();
            Builtins.requireSameContext(what, arrays[0], a);
        }
        return arrays[0];
    }

    private static boolean matchOffAxis(long[] a, long[] b, int axis) {
        if (a.length != b.length) {
            return false;
        }
        for (int d = 0; d < a.length; d++) {
            if (d != axis && a[d] != b[d]) {
                return false;
            }
        }
        return true;
    }

    /** The one dtype when all agree (complex included), else NumPy's promotion of real dtypes. */
    private static DType commonType(GPUArray[] arrays) {
        DType type = arrays[0].dtype();
        for (GPUArray a : arrays) {
            if (a.dtype() != type && (a.dtype().isComplex() || type.isComplex())) {
                throw new IllegalArgumentException("concatenate cannot mix " + type.numpyName() + " and "
                        + a.dtype().numpyName() + " arrays; complex arrays join only arrays of their own dtype");
            }
            if (a.dtype() != type) {
                type = DType.promote(type, a.dtype());
            }
        }
        return type;
    }
}
