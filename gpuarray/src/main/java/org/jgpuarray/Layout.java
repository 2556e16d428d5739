package org.jgpuarray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How an elementwise kernel walks arrays that share one (broadcast) shape: the shape with its mergeable
 * dimensions collapsed, and each array's offset and strides over the collapsed dimensions. Dimensions of
 * extent 1 are dropped; two neighbouring dimensions merge when every array steps over them as over one.
 * When the result is one dimension of stride 1 at offset 0 for every array, the arrays are flat and the
 * kernel needs no index space: a contiguous array pays nothing, and neither do arrays that are
 * contiguous in the same permuted order (a transposed view added to another).
 */
final class Layout {
    private final long[] shape;
    private final long[][] strides;
    private final long[] offsets;

    private Layout(long[] shape, long[][] strides, long[] offsets) {
        this.shape = shape;
        this.strides = strides;
        this.offsets = offsets;
    }

    /**
     * The collapsed layout of arrays viewed with {@code shape}.
     *
     * @param shape   the common shape
     * @param strides each array's strides over {@code shape} (0 along broadcast dimensions), in elements
     * @param offsets each array's offset, in elements
     */
    static Layout of(long[] shape, long[][] strides, long[] offsets) {
        if (shape.length == 1 && shape[0] != 1) { // the common case, without the general walk's lists
            long[][] steps = new long[strides.length][];
            for (int a = 0; a < strides.length; a++) {
                steps[a] = new long[] {strides[a][0]};
            }
            return new Layout(new long[] {shape[0]}, steps, offsets.clone());
        }
        List<Integer> kept = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                kept.add(d);
            }
        }
        List<long[]> dims = new ArrayList<>(); // each: extent, then one stride per array
        for (int d : kept) {
            long[] dim = new long[1 + strides.length];
            dim[0] = shape[d];
            for (int a = 0; a < strides.length; a++) {
                dim[1 + a] = strides[a][d];
            }
            if (!dims.isEmpty() && mergeable(dims.get(dims.size() - 1), dim)) {
                long[] outer = dims.remove(dims.size() - 1);
                long[] merged = dim.clone();
                merged[0] = outer[0] * dim[0];
                dim = merged;
            }
            dims.add(dim);
        }
        if (dims.isEmpty()) {
            long[] one = new long[1 + strides.length];
            Arrays.fill(one, 1);
            dims.add(one);
        }
        long[] collapsed = new long[dims.size()];
        long[][] steps = new long[strides.length][dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            collapsed[d] = dims.get(d)[0];
            for (int a = 0; a < strides.length; a++) {
                steps[a][d] = dims.get(d)[1 + a];
            }
        }
        return new Layout(collapsed, steps, offsets.clone());
    }

    /** Dimensions (outer, inner) merge when each array steps over outer as over {@code inner.extent} inner steps. */
    private static boolean mergeable(long[] outer, long[] inner) {
        for (int a = 1; a < outer.length; a++) {
            if (outer[a] != inner[a] * inner[0]) {
                return false;
            }
        }
        return true;
    }

    /** True when every array is contiguous at offset 0 over the whole shape: no index space is needed. */
    boolean flat() {
        if (shape.length != 1) {
            return false;
        }
        for (int a = 0; a < offsets.length; a++) {
            if (offsets[a] != 0 || (strides[a][0] != 1 && shape[0] > 1)) {
                return false;
            }
        }
        return true;
    }

    /** The values of the space's parameters, in the order of {@link IndexSpace#declaration()}; none when flat. */
    Object[] values() {
        if (flat()) {
            return new Object[0];
        }
        Object[] values = new Object[shape.length + offsets.length * (1 + shape.length)];
        int k = 0;
        for (long extent : shape) {
            values[k++] = extent;
        }
        for (int a = 0; a < offsets.length; a++) {
            values[k++] = offsets[a];
            for (long stride : strides[a]) {
                values[k++] = stride;
            }
        }
        return values;
    }

    /** The collapsed extents (a copy). */
    long[] shape() {
        return shape.clone();
    }

    /** Array {@code a}'s strides over the collapsed dimensions (a copy). */
    long[] strides(int a) {
        return strides[a].clone();
    }

    /**
     * True when some array steps along the innermost collapsed dimension by more than along the next one
     * (a transposed view), the layouts that the tiled kernels of {@link TiledSpecs} serve.
     */
    boolean crossed() {
        int last = shape.length - 1;
        if (flat() || last < 1) {
            return false;
        }
        for (long[] s : strides) {
            if (s[last - 1] != 0 && Math.abs(s[last - 1]) < Math.abs(s[last])) {
                return true;
            }
        }
        return false;
    }

    /** Dimensions of the index space the kernel needs: 0 when flat, else the collapsed dimensions. */
    int ndimOrZero() {
        return flat() ? 0 : shape.length;
    }
}
