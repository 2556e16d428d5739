package org.jgpuarray;

import java.util.Objects;

/**
 * NumPy's {@code searchsorted}: a binary search per value ({@link SortSpecs#search}) in a sorted 1-D array,
 * both converted to their common dtype first (bools compare as int32), with the sort's order (NaN last).
 */
final class SearchSorted {
    private SearchSorted() {
    }

    /**
     * The insertion points of {@code v} in {@code a}, int64 of {@code v}'s shape.
     *
     * @throws IllegalArgumentException when {@code a} is not 1-D, for complex dtypes, for arrays of two contexts
     */
    static GPUArray searchsorted(GPUArray a, GPUArray v, SearchSide side) {
        Objects.requireNonNull(v, "values").ensureOpen();
        Objects.requireNonNull(side, "side");
        if (a.ndim() != 1) {
            throw new IllegalArgumentException("searchsorted needs a sorted 1-D array, got shape "
                    + Shapes.format(a.shape()));
        }
        if (v.context() != a.context()) {
            throw new IllegalArgumentException("searchsorted: the values belong to another context");
        }
        Sorting.requireSortable("searchsorted", a);
        Sorting.requireSortable("searchsorted", v);
        DType common = DType.promote(a.dtype(), v.dtype());
        DType t = common == DType.BOOL ? DType.INT32 : common;
        LibraryChecks.requireFp64("searchsorted", t, a.context().device().fp64());
        GpuContext ctx = a.context();
        GPUArray out = ctx.empty(DType.INT64, v.shape());
        if (v.size() == 0) {
            return out;
        }
        try (GPUArray sorted = flatAs(a, t); GPUArray values = flatAs(v, t)) {
            ctx.compiled(SortSpecs.search(t, side == SearchSide.RIGHT)).launch(v.size(),
                    new Object[] {out.buffer(), values.buffer(), sorted.buffer(), a.size()});
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
        return out;
    }

    /** {@code x} converted to {@code t}, contiguous from the buffer's start; the caller closes it. */
    private static GPUArray flatAs(GPUArray x, DType t) {
        if (x.dtype() == t) {
            return x.flatOrCopy();
        }
        try (GPUArray converted = x.astype(t)) {
            return converted.flatOrCopy();
        }
    }
}
