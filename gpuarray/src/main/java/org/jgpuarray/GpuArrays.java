package org.jgpuarray;

/**
 * Functions that join or split arrays, NumPy's {@code concatenate}, {@code stack} and {@code split}, as
 * {@code java.util.Arrays} collects functions of Java arrays. Operations on one array (take, repeat, tile,
 * flip, roll, boolean indexing) are methods of {@link GPUArray}; selection ({@code where}, {@code clip}) is in
 * {@link GpuMath}. Stateless and thread-safe as far as the arrays' context is.
 */
public final class GpuArrays {
    private GpuArrays() {
    }

    /**
     * NumPy's {@code concatenate}: the arrays joined along an existing {@code axis} (negative counts from the
     * end) into a new C-contiguous array of their common dtype (NumPy's promotion). Inputs may be views; none is
     * modified.
     *
     * @throws IllegalArgumentException for no arrays, 0-d arrays, differing dimensions or extents off the axis
     *                                  (the shapes quoted), or arrays of different contexts
     */
    public static GPUArray concatenate(int axis, GPUArray... arrays) {
        return Assembly.concatenate(axis, arrays);
    }

    /**
     * NumPy's {@code stack}: arrays of one shape joined along a new axis at {@code axis} of the result, a new
     * array. None of the inputs is modified.
     *
     * @throws IllegalArgumentException for no arrays or differing shapes (quoted)
     */
    public static GPUArray stack(int axis, GPUArray... arrays) {
        return Assembly.stack(axis, arrays);
    }

    /**
     * NumPy's {@code split} into {@code sections} equal parts along {@code axis}: views that share a's memory
     * (writes through them reach a). The caller closes each.
     *
     * @throws IllegalArgumentException when the axis extent is not a multiple of {@code sections}
     */
    public static GPUArray[] split(GPUArray a, int sections, int axis) {
        return Assembly.split(a, sections, axis);
    }

    /**
     * NumPy's {@code split} at positions: views {@code a[:i0]}, {@code a[i0:i1]}, ..., {@code a[ik:]} along
     * {@code axis}, {@code indices.length + 1} of them, sharing a's memory. Positions are slice bounds: negative
     * ones count from the end and out-of-range ones give empty views. {@code indices} is not modified.
     */
    public static GPUArray[] split(GPUArray a, long[] indices, int axis) {
        return Assembly.split(a, indices, axis);
    }
}
