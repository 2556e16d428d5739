package org.jgpuarray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * NumPy's {@code repeat}, {@code tile}, {@code flip} and {@code roll}, built on views: a repeat or a tile is a
 * broadcast view (stride 0 along the repeated axes) copied once into a new array, a flip is a view with negative
 * steps, and a roll copies two slices into the result. Only {@code repeat} with per-element counts runs a kernel
 * of its own, the gather of {@code take}.
 */
final class Rearrangement {
    private Rearrangement() {
    }

    /** Each element repeated {@code repeats} times along the axis: a new array. */
    static GPUArray repeat(GPUArray a, long repeats, int axis) {
        Objects.requireNonNull(a, "array").ensureOpen();
        requireCount("repeats", repeats);
        int ax = Geometry.normalizeAxis(axis, a.ndim());
        long[] shape = a.shape();
        long[] wide = new long[shape.length + 1];
        System.arraycopy(shape, 0, wide, 0, ax + 1);
        wide[ax + 1] = repeats;
        System.arraycopy(shape, ax + 1, wide, ax + 2, shape.length - ax - 1);
        shape[ax] = Math.multiplyExact(shape[ax], repeats);
        try (GPUArray expanded = a.expandDims(ax + 1); GPUArray broadcast = expanded.broadcastTo(wide);
             GPUArray copy = broadcast.copy()) {
            return copy.reshape(shape);
        }
    }

    /**
     * Element {@code k} along the axis repeated {@code repeats[k]} times (one count serves every element).
     *
     * @throws IllegalArgumentException when the counts do not match the axis or one is negative
     */
    static GPUArray repeat(GPUArray a, long[] repeats, int axis) {
        Objects.requireNonNull(a, "array").ensureOpen();
        if (repeats.length == 1) {
            return repeat(a, repeats[0], axis);
        }
        int ax = Geometry.normalizeAxis(axis, a.ndim());
        long extent = a.shape()[ax];
        if (repeats.length != extent) {
            throw new IllegalArgumentException("repeat: " + repeats.length + " counts for axis " + axis + " of shape "
                    + Shapes.format(a.shape()) + ", which has " + extent + " elements");
        }
        long total = 0;
        for (long r : repeats) {
            requireCount("repeats", r);
            total = Math.addExact(total, r);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("repeat: " + total + " elements along one axis is too many");
        }
        long[] index = new long[(int) total];
        for (int k = 0, at = 0; k < repeats.length; k++) {
            Arrays.fill(index, at, at + (int) repeats[k], k);
            at += (int) repeats[k];
        }
        try (GPUArray indices = a.context().toGpu(index)) {
            return Gather.take(a, indices, ax, null);
        }
    }

    /** NumPy's {@code tile}: the array repeated {@code reps[d]} times along each axis, as a new array. */
    static GPUArray tile(GPUArray a, long[] reps) {
        Objects.requireNonNull(a, "array").ensureOpen();
        int ndim = Math.max(a.ndim(), reps.length);
        long[] r = new long[ndim];
        Arrays.fill(r, 1);
        for (int k = 0; k < reps.length; k++) {
            requireCount("reps", reps[k]);
            r[ndim - reps.length + k] = reps[k];
        }
        List<GPUArray> views = new ArrayList<>();
        try {
            GPUArray v = a;
            while (v.ndim() < ndim) {
                v = keep(views, v.expandDims(0));
            }
            long[] s = v.shape();
            long[] interleaved = new long[2 * ndim];
            long[] result = new long[ndim];
            for (int d = 0; d < ndim; d++) {
                v = keep(views, v.expandDims(2 * d));
                interleaved[2 * d] = r[d];
                interleaved[2 * d + 1] = s[d];
                result[d] = Math.multiplyExact(r[d], s[d]);
            }
            try (GPUArray broadcast = v.broadcastTo(interleaved); GPUArray copy = broadcast.copy()) {
                return copy.reshape(result);
            }
        } finally {
            views.forEach(GPUArray::close);
        }
    }

    /**
     * The elements in reverse order along the given axes (all when none are given): a view with negative steps.
     *
     * @throws IllegalArgumentException for an axis out of range or given twice
     */
    static GPUArray flip(GPUArray a, int[] axes) {
        Objects.requireNonNull(a, "array").ensureOpen();
        Index[] index = new Index[a.ndim()];
        Arrays.fill(index, Index.all());
        boolean[] flipped = new boolean[a.ndim()];
        for (int k = 0; k < (axes.length == 0 ? a.ndim() : axes.length); k++) {
            int d = axes.length == 0 ? k : Geometry.normalizeAxis(axes[k], a.ndim());
            if (flipped[d]) {
                throw new IllegalArgumentException("repeated axis in flip: " + Arrays.toString(axes));
            }
            flipped[d] = true;
            index[d] = Index.step(null, null, -1);
        }
        return a.get(index);
    }

    /** The elements shifted by {@code shift} places along the axis, those pushed off one end entering at the other. */
    static GPUArray roll(GPUArray a, long shift, int axis) {
        Objects.requireNonNull(a, "array").ensureOpen();
        int ax = Geometry.normalizeAxis(axis, a.ndim());
        long n = a.shape()[ax];
        GPUArray out = a.context().empty(a.dtype(), a.shape());
        if (a.size() == 0) {
            return out;
        }
        long s = Math.floorMod(shift, n);
        try (GPUArray head = Assembly.slice(out, ax, s, n); GPUArray from = Assembly.slice(a, ax, 0, n - s)) {
            head.assign(from);
        }
        if (s > 0) {
            try (GPUArray tail = Assembly.slice(out, ax, 0, s); GPUArray from = Assembly.slice(a, ax, n - s, n)) {
                tail.assign(from);
            }
        }
        return out;
    }

    /** {@link #roll(GPUArray, long, int)} of the flattened array, reshaped back. */
    static GPUArray roll(GPUArray a, long shift) {
        try (GPUArray flat = Objects.requireNonNull(a, "array").ravel(); GPUArray rolled = roll(flat, shift, 0)) {
            return rolled.reshape(a.shape());
        }
    }

    private static GPUArray keep(List<GPUArray> views, GPUArray v) {
        views.add(v);
        return v;
    }

    private static void requireCount(String what, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " may not be negative, got " + count);
        }
    }
}
