package org.jgpuarray;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jgpuarray.kernels.IndexSpace;

/**
 * How a segmented reduction walks arrays of one (broadcast) shape: the index space with the kept axes first
 * (outer: one output per position) and the reduced axes last (inner), each group collapsed as {@link Layout}
 * collapses an elementwise kernel's dimensions. The kept axes go in the memory order of the first array
 * (largest stride first, NumPy's order 'K'), so that neighbouring outputs read neighbouring elements, and the
 * result is laid out in that order. The reduced axes keep their C order when the position of an element
 * matters ({@code i} of argmax and of user kernels), else follow memory order too. Immutable.
 */
final class SegmentLayout {
    private final Layout outer;
    private final Layout inner;
    private final long[] offsets;
    private final Geometry result;

    private SegmentLayout(Layout outer, Layout inner, long[] offsets, Geometry result) {
        this.outer = outer;
        this.inner = inner;
        this.offsets = offsets;
        this.result = result;
    }

    /**
     * The layout of {@code geometries} (each already broadcast to {@code axes.shape()}).
     *
     * @param ordered true when the reduced axes must be walked in C order
     */
    static SegmentLayout of(ReducedAxes axes, List<Geometry> geometries, boolean ordered) {
        long[] shape = axes.shape();
        long[] first = geometries.get(0).strides();
        Comparator<Integer> memoryOrder = Comparator.comparingLong((Integer d) -> -Math.abs(first[d]));
        List<Integer> kept = sorted(axes.axes(false, false), memoryOrder);
        List<Integer> reduced = ordered ? sorted(axes.axes(true, false), null) : sorted(axes.axes(true, false),
                memoryOrder);
        long[][] outerStrides = new long[geometries.size()][];
        long[][] innerStrides = new long[geometries.size()][];
        long[] offsets = new long[geometries.size()];
        for (int a = 0; a < geometries.size(); a++) {
            outerStrides[a] = pick(geometries.get(a).strides(), kept);
            innerStrides[a] = pick(geometries.get(a).strides(), reduced);
            offsets[a] = geometries.get(a).offset();
        }
        Layout outer = Layout.of(pick(shape, kept), outerStrides, offsets);
        Layout inner = Layout.of(pick(shape, reduced), innerStrides, new long[geometries.size()]);
        return new SegmentLayout(outer, inner, offsets, resultGeometry(axes, kept));
    }

    /** The result's geometry: kept axes dense in their walking order, reduced ones kept with extent 1 or dropped. */
    private static Geometry resultGeometry(ReducedAxes axes, List<Integer> kept) {
        long[] shape = axes.shape();
        long[] strides = new long[shape.length];
        long step = 1;
        for (int k = kept.size() - 1; k >= 0; k--) {
            strides[kept.get(k)] = step;
            step *= Math.max(1, shape[kept.get(k)]);
        }
        int[] present = axes.axes(false, axes.keepdims());
        long[] s = new long[present.length];
        long[] t = new long[present.length];
        for (int k = 0; k < present.length; k++) {
            s[k] = axes.reduced()[present[k]] ? 1 : shape[present[k]];
            t[k] = strides[present[k]];
        }
        return new Geometry(s, t, 0);
    }

    private static List<Integer> sorted(int[] axes, Comparator<Integer> order) {
        List<Integer> list = new ArrayList<>();
        for (int a : axes) {
            list.add(a);
        }
        if (order != null) {
            list.sort(order);
        }
        return list;
    }

    private static long[] pick(long[] values, List<Integer> axes) {
        long[] picked = new long[axes.size()];
        for (int k = 0; k < picked.length; k++) {
            picked[k] = values[axes.get(k)];
        }
        return picked;
    }

    /** Outer (output) dimensions of the index space. */
    int outerDims() {
        return outer.shape().length;
    }

    /** Inner (reduced) dimensions of the index space. */
    int innerDims() {
        return inner.shape().length;
    }

    /** The number of outputs. */
    long outputs() {
        return Shapes.size(outer.shape());
    }

    /** The number of elements reduced into each output. */
    long count() {
        return Shapes.size(inner.shape());
    }

    /** Where the outputs go: a new array of this geometry holds output {@code o} at buffer element {@code o}. */
    Geometry result() {
        return result;
    }

    /** True when the first array's elements of one output are neighbours in memory (innermost stride ±1). */
    boolean segmentsContiguous() {
        long[] shape = inner.shape();
        long innermost = inner.strides(0)[shape.length - 1];
        return shape[shape.length - 1] > 1 && Math.abs(innermost) == 1;
    }

    /** The values of the index space's parameters, in the order of {@link IndexSpace#declaration()}. */
    Object[] values() {
        long[] outerShape = outer.shape();
        long[] innerShape = inner.shape();
        int ndim = outerShape.length + innerShape.length;
        List<Object> values = new ArrayList<>(ndim + offsets.length * (1 + ndim));
        for (long extent : outerShape) {
            values.add(extent);
        }
        for (long extent : innerShape) {
            values.add(extent);
        }
        for (int a = 0; a < offsets.length; a++) {
            values.add(offsets[a]);
            for (long stride : outer.strides(a)) {
                values.add(stride);
            }
            for (long stride : inner.strides(a)) {
                values.add(stride);
            }
        }
        return values.toArray();
    }
}
