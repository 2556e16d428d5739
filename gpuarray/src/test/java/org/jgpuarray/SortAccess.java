package org.jgpuarray;

/**
 * The context's sort provider for the conformance suite, with outputs the test allocates (and poisons):
 * what {@code GPUArray.sort()} and {@code argsort()} run, minus their allocation of the result.
 */
public final class SortAccess {
    private SortAccess() {
    }

    /** Which implementation the context sorts with. */
    public static String implementation(GpuContext ctx) {
        return ctx.sorter().implementation();
    }

    /**
     * Sorts the rows of {@code src} into {@code dst}; both contiguous from their buffers' start.
     *
     * @param src not modified
     * @param dst modified
     */
    public static void sort(GPUArray src, GPUArray dst, long rows, long cols) {
        requireFlat(src, dst);
        src.context().sorter().sort(src.dtype().scalarType(), rows, cols, src.buffer(), dst.buffer());
    }

    /**
     * Writes the argsort of the rows of {@code keys} into the int64 {@code indices}.
     *
     * @param keys    not modified
     * @param indices modified
     */
    public static void argsort(GPUArray keys, GPUArray indices, long rows, long cols) {
        requireFlat(keys, indices);
        keys.context().sorter().argsort(keys.dtype().scalarType(), rows, cols, keys.buffer(), indices.buffer());
    }

    private static void requireFlat(GPUArray a, GPUArray b) {
        if (!a.isFlat() || !b.isFlat()) {
            throw new IllegalArgumentException("SortAccess takes arrays contiguous from their buffer's start");
        }
    }
}
