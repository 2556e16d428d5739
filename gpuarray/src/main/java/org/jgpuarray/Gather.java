package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.HostArray;

/**
 * NumPy's {@code take} and indexed assignment along one axis, with an int32 or int64 index array of any shape
 * (negative indices count from the end). The indices are checked on the device before anything is read or
 * written: a reduction finds the first index (in C order) outside the axis, and the host turns it into an
 * {@link IndexOutOfBoundsException}, so no backend ever reads past an axis or writes part of a result.
 * Source, indices, values and results may be views: one kernel addresses them all through their strides.
 */
final class Gather {
    private Gather() {
    }

    /**
     * {@code src.take(indices, axis)}: shape {@code src.shape[:axis] + indices.shape + src.shape[axis+1:]}.
     *
     * @param out null for a new array, else the result's shape and dtype (modified)
     */
    static GPUArray take(GPUArray src, GPUArray indices, int axis, GPUArray out) {
        int ax = checkOperands("take", src, indices, axis);
        long[] shape = gatheredShape(src.shape(), indices.shape(), ax);
        Geometry target = Geometry.contiguous(shape);
        if (out != null) {
            target = checkedOut(src, out, shape);
            if (out.buffer() == src.buffer() || out.buffer() == indices.buffer()) {
                try (GPUArray fresh = take(src, indices, axis, null)) {
                    return out.assign(fresh);
                }
            }
        }
        long len = src.shape()[ax];
        checkIndices(indices, len, ax);
        Geometry from = alongIndices(src.geometry(), ax, shape);
        Geometry idx = spread(indices.geometry(), ax, shape);
        Layout layout = Layout.of(shape, new long[][] {target.strides(), from.strides(), idx.strides()},
                new long[] {target.offset(), from.offset(), idx.offset()});
        CompiledElementwise kernel = src.context().compiled(IndexingSpecs.take(src.dtype(), indices.dtype(),
                layout.ndimOrZero()));
        GPUArray written = out != null ? out : src.context().empty(src.dtype(), target);
        Builtins.launch(kernel, written.size(), layout, written.buffer(), src.buffer(), indices.buffer(), len,
                src.strides()[ax]);
        Reference.reachabilityFence(src); // the launch took the operands' buffers
        Reference.reachabilityFence(indices);
        return written;
    }

    /**
     * {@code dst[(:,) * axis + (indices,)] = values}: values broadcast to the gathered shape and converted to
     * dst's dtype. With a repeated index, which of its values lands is unspecified.
     */
    static void put(GPUArray dst, GPUArray indices, GPUArray values, int axis) {
        int ax = checkOperands("put", dst, indices, axis);
        Objects.requireNonNull(values, "values").ensureOpen();
        Builtins.requireSameContext("put", dst, values);
        Builtins.requireWritable(dst);
        if (values.dtype().isComplex() || values.dtype() != dst.dtype() && dst.dtype().isComplex()) {
            throw new UnsupportedOperationException("put of " + values.dtype().numpyName() + " values is not supported");
        }
        long[] shape = gatheredShape(dst.shape(), indices.shape(), ax);
        Geometry vals = values.geometry().broadcastTo(shape);
        if (values.buffer() == dst.buffer() || indices.buffer() == dst.buffer()) {
            try (GPUArray v = values.copy(); GPUArray i = indices.copy()) {
                put(dst, i, v, axis);
            }
            return;
        }
        long len = dst.shape()[ax];
        checkIndices(indices, len, ax);
        Geometry to = alongIndices(dst.geometry(), ax, shape);
        Geometry idx = spread(indices.geometry(), ax, shape);
        Layout layout = Layout.of(shape, new long[][] {to.strides(), idx.strides(), vals.strides()},
                new long[] {to.offset(), idx.offset(), vals.offset()});
        CompiledElementwise kernel = dst.context().compiled(IndexingSpecs.put(dst.dtype(), indices.dtype(),
                values.dtype(), layout.ndimOrZero()));
        Builtins.launch(kernel, Shapes.size(shape), layout, dst.buffer(), indices.buffer(), values.buffer(), len,
                dst.strides()[ax]);
        Reference.reachabilityFence(dst);
        Reference.reachabilityFence(indices);
        Reference.reachabilityFence(values);
    }

    /**
     * Checks every index against an axis of {@code len} elements on the device.
     *
     * @throws IndexOutOfBoundsException naming the first bad index (in C order), the axis and its size
     */
    static void checkIndices(GPUArray indices, long len, int axis) {
        if (indices.size() == 0) {
            return;
        }
        GpuContext ctx = indices.context();
        try (GPUArray flat = indices.flatOrCopy(); GPUArray first = ctx.empty(DType.INT64)) {
            ctx.compiled(IndexingSpecs.firstBadIndex(indices.dtype())).launch(indices.size(),
                    new Object[] {flat.buffer(), len}, first.buffer());
            long position = readLong(first, 0);
            if (position != Long.MAX_VALUE) {
                long bad;
                try (GPUArray wide = flat.dtype() == DType.INT64 ? null : flat.astype(DType.INT64)) {
                    bad = readLong(wide == null ? flat : wide, position);
                }
                throw new IndexOutOfBoundsException("index " + bad + " is out of bounds for axis " + axis
                        + " with size " + len);
            }
        }
    }

    /** Element {@code k} of a flat int64 array, read from the device. */
    static long readLong(GPUArray flatInt64, long k) {
        HostArray host = HostArray.allocate(DType.INT64.scalarType(), 1);
        flatInt64.context().backend().copyToHost(flatInt64.buffer(), k * Long.BYTES, host, 0, 1);
        Reference.reachabilityFence(flatInt64);
        return ((long[]) host.array())[0];
    }

    private static int checkOperands(String what, GPUArray a, GPUArray indices, int axis) {
        Objects.requireNonNull(a, "array").ensureOpen();
        Objects.requireNonNull(indices, "indices").ensureOpen();
        Builtins.requireSameContext(what, a, indices);
        if (indices.dtype() != DType.INT32 && indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException(what + " needs int32 or int64 indices, got "
                    + indices.dtype().numpyName());
        }
        if (a.dtype().isComplex()) {
            throw new UnsupportedOperationException(what + " of " + a.dtype().numpyName() + " arrays is not supported");
        }
        return Geometry.normalizeAxis(axis, a.ndim());
    }

    private static Geometry checkedOut(GPUArray src, GPUArray out, long[] shape) {
        out.ensureOpen();
        Builtins.requireSameContext("take", src, out);
        if (!Arrays.equals(out.shape(), shape) || out.dtype() != src.dtype()) {
            throw new IllegalArgumentException("take: out is " + out.dtype().numpyName() + " of shape "
                    + Shapes.format(out.shape()) + ", the result " + src.dtype().numpyName() + " of shape "
                    + Shapes.format(shape));
        }
        Builtins.requireWritable(out);
        return out.geometry();
    }

    /** {@code shape[:axis] + indices + shape[axis+1:]}. */
    private static long[] gatheredShape(long[] shape, long[] indices, int axis) {
        long[] result = new long[shape.length - 1 + indices.length];
        System.arraycopy(shape, 0, result, 0, axis);
        System.arraycopy(indices, 0, result, axis, indices.length);
        System.arraycopy(shape, axis + 1, result, axis + indices.length, shape.length - axis - 1);
        return result;
    }

    /** The array seen over the gathered shape, its indexed axis replaced by the index axes with stride 0. */
    private static Geometry alongIndices(Geometry g, int axis, long[] shape) {
        int spread = shape.length - g.shape().length + 1;
        long[] strides = new long[shape.length];
        System.arraycopy(g.strides(), 0, strides, 0, axis);
        System.arraycopy(g.strides(), axis + 1, strides, axis + spread, g.shape().length - axis - 1);
        return new Geometry(shape, strides, g.offset());
    }

    /** The indices seen over the gathered shape: their own axes at {@code axis}, stride 0 elsewhere. */
    private static Geometry spread(Geometry indices, int axis, long[] shape) {
        long[] strides = new long[shape.length];
        System.arraycopy(indices.strides(), 0, strides, axis, indices.shape().length);
        return new Geometry(shape, strides, indices.offset());
    }
}
