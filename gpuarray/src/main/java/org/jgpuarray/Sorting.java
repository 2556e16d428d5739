package org.jgpuarray;

import org.jgpuarray.spi.SortProvider;

/**
 * {@code sort} and {@code argsort} along an axis, on the context's {@link SortProvider}: the rows along the
 * last axis of a contiguous copy are sorted independently (another axis is swapped to the end first and
 * back afterwards). The order is NumPy's stable sort: NaN last, -0.0 equal to 0.0, equal elements in input
 * order.
 */
final class Sorting {
    private Sorting() {
    }

    /** A sorted copy along {@code axis}, contiguous. */
    static GPUArray sort(GPUArray a, int axis) {
        return along(a, axis, false);
    }

    /** The int64 indices that sort {@code a} along {@code axis}, contiguous. */
    static GPUArray argsort(GPUArray a, int axis) {
        return along(a, axis, true);
    }

    /**
     * Checks that an array can be sorted on its device.
     *
     * @throws IllegalArgumentException for complex dtypes
     * @throws org.jgpuarray.device.UnsupportedCapabilityException for float64 on a device without fp64
     */
    static void requireSortable(String op, GPUArray a) {
        if (a.dtype().isComplex()) {
            throw new IllegalArgumentException(op + " of " + a.dtype().numpyName() + " arrays is not supported;"
                    + " sort the real and imaginary parts separately");
        }
        LibraryChecks.requireFp64(op, a.dtype(), a.context().device().fp64());
    }

    private static GPUArray along(GPUArray a, int axis, boolean indices) {
        String op = indices ? "argsort" : "sort";
        requireSortable(op, a);
        int ndim = a.ndim();
        if (axis < -ndim || axis >= ndim) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for an array of dimension "
                    + ndim + " (shape " + Shapes.format(a.shape()) + ")");
        }
        int ax = axis < 0 ? axis + ndim : axis;
        int last = ndim - 1;
        if (ax == last) {
            return lastAxis(a, indices);
        }
        try (GPUArray moved = a.swapAxes(ax, last); GPUArray sorted = lastAxis(moved, indices);
             GPUArray back = sorted.swapAxes(ax, last)) {
            return back.copy();
        }
    }

    private static GPUArray lastAxis(GPUArray a, boolean indices) {
        long[] shape = a.shape();
        long cols = shape[shape.length - 1];
        long rows = cols == 0 ? 0 : a.size() / cols;
        SortProvider provider = a.context().sorter();
        GPUArray out = a.context().empty(indices ? DType.INT64 : a.dtype(), shape);
        if (a.size() == 0) {
            return out;
        }
        try (GPUArray src = a.flatOrCopy()) {
            if (indices) {
                provider.argsort(a.dtype().scalarType(), rows, cols, src.buffer(), out.buffer());
            } else {
                provider.sort(a.dtype().scalarType(), rows, cols, src.buffer(), out.buffer());
            }
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
        return out;
    }
}
