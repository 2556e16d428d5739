package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.spi.CompiledReduction;

/**
 * Reductions along axes, NumPy's {@code sum(axis=..., keepdims=...)} and its kin, on any view. Each is a
 * segmented reduction (see {@link SegmentLayout}): the reduced axes of the input's index space are walked last,
 * one output per position of the kept axes, the result laid out in the input's memory order. Reductions over
 * every axis of an array dense in memory take the one-value kernels of {@link Builtins} instead. argmax/argmin
 * and var are two passes: the extremum (or mean) first, then the first index equal to it (or the sum of squared
 * deviations from it), the first result broadcast along the reduced axes.
 */
final class AxisReductions {
    private AxisReductions() {
    }

    /**
     * A reduction by one spec without positions (sum, prod, max, min, any and all).
     *
     * @param spec     the spec for the array's dtype, asked for once the dtype is known to be supported
     * @param identity whether the reduction has an identity (else an empty reduced axis is refused)
     */
    static GPUArray reduce(String op, Function<DType, ReductionSpec> spec, GPUArray x, boolean keepdims, int[] axes,
                           boolean identity) {
        requireReal(op, x);
        ReductionSpec base = spec.apply(x.dtype());
        ReducedAxes r = ReducedAxes.of(op, x.shape(), axes, keepdims);
        if (!identity) {
            r.requireNonEmpty(op);
        }
        Geometry g = x.geometry();
        if (r.all() && g.offset() == 0 && g.denseInSomeOrder()) {
            try (GPUArray total = Builtins.reduceUnordered(base, x)) {
                return total.reshape(r.resultShape());
            }
        }
        return segmented(base, r, List.of(x), false);
    }

    /** The index of the first maximum (or minimum) along one axis or all; NaN counts as the extremum. */
    static GPUArray argExtremum(GPUArray x, boolean maximum, boolean keepdims, int[] axes) {
        String op = maximum ? "argmax" : "argmin";
        requireReal(op, x);
        if (axes.length > 1) {
            throw new IllegalArgumentException(op + " takes one axis or none, got " + Arrays.toString(axes)
                    + " for an array of shape " + Shapes.format(x.shape()));
        }
        ReducedAxes kept = ReducedAxes.of(op, x.shape(), axes, true);
        kept.requireNonEmpty(op);
        try (GPUArray m = segmented(BuiltinSpecs.extremum(x.dtype(), maximum), kept, List.of(x), false);
             GPUArray spread = m.broadcastTo(x.shape())) {
            return segmented(AxisSpecs.firstIndexOf(x.dtype()), ReducedAxes.of(op, x.shape(), axes, keepdims),
                    List.of(x, spread), true);
        }
    }

    /** The mean: float64 for bool and integers, the array's type for floats; NaN over nothing. */
    static GPUArray mean(GPUArray x, boolean keepdims, int[] axes) {
        ReducedAxes r = ReducedAxes.of("mean", x.shape(), axes, keepdims);
        try (GPUArray total = reduce("mean", BuiltinSpecs::sum, x, keepdims, axes, true)) {
            return total.div((double) r.count());
        }
    }

    /**
     * The variance with {@code ddof} delta degrees of freedom (the sum of squared deviations from the mean over
     * {@code max(count - ddof, 0)}), in the mean's dtype; its square root when {@code std}.
     */
    static GPUArray variance(GPUArray x, int ddof, boolean keepdims, int[] axes, boolean std) {
        String op = std ? "std" : "var";
        requireReal(op, x);
        ReducedAxes r = ReducedAxes.of(op, x.shape(), axes, keepdims);
        DType type = x.dtype().toFloating();
        GPUArray result;
        try (GPUArray m = mean(x, true, axes); GPUArray spread = m.broadcastTo(x.shape());
             GPUArray squares = segmented(AxisSpecs.squaredDeviations(x.dtype(), type), r, List.of(x, spread), false)) {
            result = squares.div((double) Math.max(r.count() - ddof, 0));
        }
        return std ? Builtins.unary(UnaryOp.SQRT, result, result) : result;
    }

    /** Whether any (or every) element is nonzero, a bool array; NaN counts as nonzero. */
    static GPUArray anyAll(GPUArray x, boolean any, boolean keepdims, int[] axes) {
        String op = any ? "any" : "all";
        try (GPUArray flags = reduce(op, t -> AxisSpecs.anyAll(t, any), x, keepdims, axes, true)) {
            return flags.astype(DType.BOOL);
        }
    }

    /**
     * Runs {@code base} as a segmented reduction of {@code arrays} (broadcast to {@code r.shape()}; its array
     * arguments, in order) over the reduced axes of {@code r}.
     *
     * @param ordered true when the reduced axes must be walked in C order ({@code i} is a position)
     */
    static GPUArray segmented(ReductionSpec base, ReducedAxes r, List<GPUArray> arrays, boolean ordered) {
        SegmentLayout layout = layout(r, arrays, ordered);
        List<Object> values = new ArrayList<>();
        for (GPUArray a : arrays) {
            values.add(a.buffer());
        }
        ReductionSpec spec = AxisSpecs.segmented(base, layout.outerDims(), layout.innerDims(), AxisSpecs.arrays(base));
        GPUArray result = run(spec, layout, arrays.get(0).context(), values.toArray());
        Reference.reachabilityFence(arrays); // and so the arrays whose buffers the launch took
        return result;
    }

    /** The layout of {@code arrays}, each broadcast to {@code r.shape()}. */
    static SegmentLayout layout(ReducedAxes r, List<GPUArray> arrays, boolean ordered) {
        List<Geometry> geometries = new ArrayList<>();
        for (GPUArray a : arrays) {
            geometries.add(a.geometry().broadcastTo(r.shape()));
        }
        return SegmentLayout.of(r, geometries, ordered);
    }

    /**
     * Compiles (or finds) {@code spec}, then allocates the result and launches.
     *
     * @param values the launch values of the spec's own arguments (buffers, boxed scalars); the layout's follow
     */
    static GPUArray run(ReductionSpec spec, SegmentLayout layout, GpuContext ctx, Object[] values) {
        CompiledReduction kernel = ctx.compiled(spec);
        GPUArray out = ctx.empty(DType.of(spec.outputType()), layout.result());
        launch(kernel, layout, values, out);
        return out;
    }

    /**
     * {@link #run} into {@code out} (modified; returned): directly when its elements lie where the outputs go and
     * it shares no memory with an input, else through a new array assigned to it.
     *
     * @throws IllegalArgumentException when out's shape or dtype is not the result's, or out is a broadcast view
     */
    static GPUArray runInto(ReductionSpec spec, SegmentLayout layout, GpuContext ctx, Object[] values, GPUArray out) {
        Geometry result = layout.result();
        DType type = DType.of(spec.outputType());
        if (out.context() != ctx) {
            throw new IllegalArgumentException("out belongs to another context");
        }
        if (!Arrays.equals(out.shape(), result.shape()) || out.dtype() != type) {
            throw new IllegalArgumentException("out is " + out.dtype().numpyName() + " of shape "
                    + Shapes.format(out.shape()) + ", the result " + type.numpyName() + " of shape "
                    + Shapes.format(result.shape()));
        }
        if (!sameLayout(out.geometry(), result) || Arrays.asList(values).contains(out.buffer())) {
            try (GPUArray staged = run(spec, layout, ctx, values)) {
                return out.assign(staged);
            }
        }
        launch(ctx.compiled(spec), layout, values, out);
        return out;
    }

    private static void launch(CompiledReduction kernel, SegmentLayout layout, Object[] values, GPUArray out) {
        if (layout.outputs() > 0) {
            Object[] space = layout.values();
            Object[] all = Arrays.copyOf(values, values.length + space.length);
            System.arraycopy(space, 0, all, values.length, space.length);
            kernel.launch(layout.outputs(), layout.count(), layout.segmentsContiguous(), all, out.buffer());
        }
    }

    /** True when both put every element at the same buffer position (strides of axes of extent 1 do not matter). */
    private static boolean sameLayout(Geometry a, Geometry b) {
        if (a.offset() != b.offset() || a.overlaps()) {
            return false;
        }
        for (int d = 0; d < a.shape().length; d++) {
            if (a.shape()[d] > 1 && a.strides()[d] != b.strides()[d]) {
                return false;
            }
        }
        return true;
    }

    private static void requireReal(String op, GPUArray x) {
        if (x.dtype().isComplex()) {
            throw new UnsupportedOperationException(op + " of " + x.dtype().numpyName() + " arrays is not supported");
        }
    }
}
