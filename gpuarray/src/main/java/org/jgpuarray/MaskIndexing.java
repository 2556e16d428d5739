package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;
import org.jgpuarray.spi.CompiledElementwise;

/**
 * NumPy's boolean indexing ({@code a[mask]}, {@code a[mask] = v}), {@code nonzero} and {@code count_nonzero}.
 * A mask has the array's shape or its leading dimensions ({@code a[mask]} then selects sub-arrays). Selection
 * is PyOpenCL's {@code copy_if}: the mask becomes int64 flags, an inclusive scan of the flags (the context's
 * {@link ScanKernel}) gives each selected element its place in the result, and one kernel scatters the
 * selected elements there; the last scanned value is the count. The array and the mask may be views.
 */
final class MaskIndexing {
    private MaskIndexing() {
    }

    /** {@code a[mask]}: a new array of shape {@code (count,) + a.shape[mask.ndim:]}, elements in C order. */
    static GPUArray select(GPUArray a, GPUArray mask) {
        checkMask(a, mask);
        long[] rest = Arrays.copyOfRange(a.shape(), mask.ndim(), a.ndim());
        try (GPUArray pos = positions(mask)) {
            long count = last(pos);
            long[] shape = new long[rest.length + 1];
            shape[0] = count;
            System.arraycopy(rest, 0, shape, 1, rest.length);
            Layout layout = overArray(a, a.geometry(), mask, pos);
            CompiledElementwise kernel = a.context().compiled(IndexingSpecs.compress(a.dtype(), layout.ndimOrZero()));
            GPUArray out = a.context().empty(a.dtype(), shape);
            if (count > 0) {
                Builtins.launch(kernel, a.size(), layout, out.buffer(), a.buffer(), mask.buffer(), pos.buffer(),
                        Shapes.size(rest));
            }
            Reference.reachabilityFence(a); // the launch took the operands' buffers
            Reference.reachabilityFence(mask);
            return out;
        }
    }

    /** {@code a[mask] = value}. Modifies a. */
    static void fill(GPUArray a, GPUArray mask, Number value) {
        checkMask(a, mask);
        Builtins.requireWritable(a);
        if (mask.buffer() == a.buffer()) {
            try (GPUArray staged = mask.copy()) {
                fill(a, staged, value);
            }
            return;
        }
        Object v = Scalars.box(Objects.requireNonNull(value, "value"), a.dtype(), () -> "masked fill value");
        Geometry m = spread(mask.geometry(), a.shape());
        Layout layout = Layout.of(a.shape(), new long[][] {a.strides(), m.strides()},
                new long[] {a.geometry().offset(), m.offset()});
        CompiledElementwise kernel = a.context().compiled(IndexingSpecs.maskFill(a.dtype(), layout.ndimOrZero()));
        Builtins.launch(kernel, a.size(), layout, a.buffer(), mask.buffer(), v);
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(mask);
    }

    /**
     * {@code a[mask] = values}: values broadcast to {@code (count,) + a.shape[mask.ndim:]}, converted to a's
     * dtype. Modifies a.
     *
     * @throws IllegalArgumentException naming the shapes when values do not broadcast to the selection
     */
    static void assign(GPUArray a, GPUArray mask, GPUArray values) {
        checkMask(a, mask);
        Objects.requireNonNull(values, "values").ensureOpen();
        Builtins.requireSameContext("masked assignment", a, values);
        Builtins.requireWritable(a);
        if (values.dtype().isComplex()) {
            throw new UnsupportedOperationException("masked assignment of " + values.dtype().numpyName()
                    + " values is not supported");
        }
        if (mask.buffer() == a.buffer()) {
            try (GPUArray staged = mask.copy()) {
                assign(a, staged, values);
            }
            return;
        }
        long[] rest = Arrays.copyOfRange(a.shape(), mask.ndim(), a.ndim());
        try (GPUArray pos = positions(mask)) {
            long[] shape = new long[rest.length + 1];
            shape[0] = last(pos);
            System.arraycopy(rest, 0, shape, 1, rest.length);
            if (!Arrays.equals(Geometry.broadcast(values.shape(), shape), shape)) {
                throw new IllegalArgumentException("cannot assign values of shape " + Shapes.format(values.shape())
                        + " to the " + Shapes.format(shape) + " elements the mask selects");
            }
            try (GPUArray staged = contiguousOver(values, shape, a)) {
                Layout layout = overArray(a, a.geometry(), mask, pos);
                CompiledElementwise kernel = a.context().compiled(IndexingSpecs.maskPut(a.dtype(), values.dtype(),
                        layout.ndimOrZero()));
                Builtins.launch(kernel, a.size(), layout, a.buffer(), mask.buffer(), pos.buffer(), staged.buffer(),
                        Shapes.size(rest));
            }
        }
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(mask);
        Reference.reachabilityFence(values);
    }

    /**
     * The coordinates of the nonzero elements (NaN counts as nonzero), one int64 array per dimension, each a
     * row of one {@code (ndim, count)} array.
     */
    static GPUArray[] nonzero(GPUArray a) {
        requireReal("nonzero", a);
        if (a.ndim() == 0) {
            throw new IllegalArgumentException("nonzero of a 0-d array is not allowed (as in NumPy 2); use"
                    + " expandDims(0) first");
        }
        GpuContext ctx = a.context();
        try (GPUArray pos = positions(a); GPUArray dims = ctx.toGpu(a.shape())) {
            long count = last(pos);
            Layout layout = Layout.of(a.shape(), new long[][] {a.strides()}, new long[] {a.geometry().offset()});
            CompiledElementwise kernel = ctx.compiled(IndexingSpecs.nonzero(a.dtype(), layout.ndimOrZero()));
            try (GPUArray coords = ctx.empty(DType.INT64, a.ndim(), count)) {
                if (count > 0) {
                    Builtins.launch(kernel, a.size(), layout, a.buffer(), pos.buffer(), coords.buffer(), dims.buffer(),
                            (long) a.ndim(), count);
                }
                GPUArray[] rows = new GPUArray[a.ndim()];
                for (int d = 0; d < rows.length; d++) {
                    rows[d] = coords.get(Index.at(d));
                }
                Reference.reachabilityFence(a);
                return rows;
            }
        }
    }

    /** The number of nonzero elements (NaN counts as nonzero). */
    static long countNonzero(GPUArray a) {
        requireReal("countNonzero", a);
        try (GPUArray count = Builtins.reduceUnordered(IndexingSpecs.countNonzero(a.dtype()), a)) {
            return Gather.readLong(count, 0);
        }
    }

    /**
     * The inclusive scan of {@code x != 0} as int64 flags: a contiguous array of x's shape whose element k is the
     * place (counting from 1) of element k among the nonzero ones.
     */
    private static GPUArray positions(GPUArray x) {
        GpuContext ctx = x.context();
        Geometry target = Geometry.contiguous(x.shape());
        Layout layout = Layout.of(x.shape(), new long[][] {target.strides(), x.strides()},
                new long[] {0, x.geometry().offset()});
        CompiledElementwise kernel = ctx.compiled(IndexingSpecs.flags(x.dtype(), layout.ndimOrZero()));
        ScanKernel scan = ctx.inclusiveScanKernel(DType.INT64, "a + b", "0");
        GPUArray flags = ctx.empty(DType.INT64, x.shape());
        Builtins.launch(kernel, x.size(), layout, flags.buffer(), x.buffer());
        Reference.reachabilityFence(x);
        return scan.call(flags, flags);
    }

    /** The last element of a scan: the count of set flags (0 when empty). */
    private static long last(GPUArray scanned) {
        return scanned.size() == 0 ? 0 : Gather.readLong(scanned, scanned.size() - 1);
    }

    /** The layout of a kernel over the array's shape addressing the array, the mask and the positions. */
    private static Layout overArray(GPUArray a, Geometry g, GPUArray mask, GPUArray pos) {
        Geometry m = spread(mask.geometry(), a.shape());
        Geometry p = spread(Geometry.contiguous(pos.shape()), a.shape());
        return Layout.of(a.shape(), new long[][] {g.strides(), m.strides(), p.strides()},
                new long[] {g.offset(), m.offset(), p.offset()});
    }

    /** A mask over leading dimensions seen over the whole shape: stride 0 along the trailing dimensions. */
    private static Geometry spread(Geometry mask, long[] shape) {
        long[] strides = Arrays.copyOf(mask.strides(), shape.length);
        return new Geometry(shape, strides, mask.offset());
    }

    /** Values as a contiguous array of {@code shape} (a view when they already are one), apart from {@code a}. */
    private static GPUArray contiguousOver(GPUArray values, long[] shape, GPUArray a) {
        if (values.isFlat() && Arrays.equals(values.shape(), shape) && values.buffer() != a.buffer()) {
            return values.ascontiguous();
        }
        try (GPUArray broadcast = values.broadcastTo(shape)) {
            return broadcast.copy();
        }
    }

    private static void checkMask(GPUArray a, GPUArray mask) {
        Objects.requireNonNull(a, "array").ensureOpen();
        Objects.requireNonNull(mask, "mask").ensureOpen();
        Builtins.requireSameContext("boolean indexing", a, mask);
        requireReal("boolean indexing", a);
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("a mask must be bool, got " + mask.dtype().numpyName());
        }
        long[] lead = Arrays.copyOf(a.shape(), Math.min(a.ndim(), mask.ndim()));
        if (mask.ndim() > a.ndim() || !Arrays.equals(lead, mask.shape())) {
            throw new IllegalArgumentException("boolean mask of shape " + Shapes.format(mask.shape())
                    + " does not match the array's shape " + Shapes.format(a.shape())
                    + "; a mask must have the array's shape or its leading dimensions");
        }
    }

    private static void requireReal(String what, GPUArray a) {
        a.ensureOpen();
        if (a.dtype().isComplex()) {
            throw new UnsupportedOperationException(what + " of " + a.dtype().numpyName() + " arrays is not supported");
        }
    }
}
