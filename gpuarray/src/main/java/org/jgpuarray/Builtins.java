package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Arrays;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.spi.CompiledElementwise;

/**
 * Runs the built-in kernels of {@link BuiltinSpecs} on arrays: the engine behind GPUArray's operations.
 * Elementwise operations walk their operands through a {@link Layout}: flat operands take the plain
 * kernel, views (strided, offset, reversed, broadcast) the index-space variant of the same operation.
 * New results keep their operand's memory order (NumPy's order 'K'), so an operation on a transposed
 * array runs flat. Each operation compiles (or finds) its kernel before it allocates its output, so a
 * kernel that cannot be built leaves nothing behind.
 * Every operation keeps its operands reachable until its launch has returned
 * ({@link Reference#reachabilityFence}): a launch takes their buffers, and an operand the collector found
 * unreachable meanwhile could have its buffer freed by another thread's allocation.
 */
final class Builtins {
    private Builtins() {
    }

    /** {@code x op y} with broadcasting, into a new array or {@code out}. */
    static GPUArray binary(BinaryOp op, GPUArray x, GPUArray y, GPUArray out) {
        requireSameContext(op, x, y);
        if (out != null && aliasesDifferently(out, x, y)) {
            try (GPUArray result = binary(op, x, y, null)) {
                return out.assign(result);
            }
        }
        long[] shape = Geometry.broadcast(x.shape(), y.shape());
        DType compute = op.computeType(DType.promote(x.dtype(), y.dtype()));
        DType result = op.resultType(compute);
        Geometry target = target(out, result, shape, op, x);
        Layout layout = Layout.of(shape, strides(target, x.geometry().broadcastTo(shape),
                y.geometry().broadcastTo(shape)), offsets(target, x.geometry(), y.geometry()));
        CompiledElementwise kernel = x.context().compiled(TiledSpecs.forLayout(BuiltinSpecs.binary(op, x.dtype(),
                y.dtype(), compute, layout.ndimOrZero()), layout));
        return run(kernel, layout, out, result, target, x.context(), new Object[] {x.buffer(), y.buffer()}, x, y);
    }

    /**
     * {@code x op s} (or {@code s op x}) with NEP 50 typing: a Java integer takes the array's type, a
     * Java floating-point value the array's type when it is floating, float64 otherwise.
     */
    static GPUArray binaryScalar(BinaryOp op, GPUArray x, Number s, boolean scalarFirst) {
        boolean floating = s instanceof Double || s instanceof Float;
        DType promoted = floating ? x.dtype().withFloatScalar() : x.dtype().withIntegerScalar();
        DType compute = op.computeType(promoted);
        if (op == BinaryOp.POW && compute.isInteger() && !scalarFirst && s.longValue() < 0) {
            throw new IllegalArgumentException("integers to negative integer powers are not allowed (exponent " + s + ")");
        }
        Object value = Scalars.box(s, compute, () -> op.name().toLowerCase() + "'s scalar operand");
        DType result = op.resultType(compute);
        Geometry target = x.geometry().keepOrder();
        Layout layout = Layout.of(x.shape(), strides(target, x.geometry()), offsets(target, x.geometry()));
        CompiledElementwise kernel = x.context().compiled(BuiltinSpecs.binaryScalar(op, x.dtype(), compute,
                scalarFirst, layout.ndimOrZero()));
        return run(kernel, layout, null, result, target, x.context(), new Object[] {x.buffer(), value}, x);
    }

    static GPUArray unary(UnaryOp op, GPUArray x, GPUArray out) {
        if (out != null && aliasesDifferently(out, x)) {
            try (GPUArray result = unary(op, x, null)) {
                return out.assign(result);
            }
        }
        DType result = op.resultType(x.dtype());
        Geometry target = target(out, result, x.shape(), op, x);
        Layout layout = Layout.of(x.shape(), strides(target, x.geometry()), offsets(target, x.geometry()));
        CompiledElementwise kernel = x.context().compiled(TiledSpecs.forLayout(BuiltinSpecs.unary(op, x.dtype(),
                layout.ndimOrZero()), layout));
        return run(kernel, layout, out, result, target, x.context(), new Object[] {x.buffer()}, x);
    }

    /** A copy converted to {@code type}, in the operand's memory order. */
    static GPUArray astype(GPUArray x, DType type) {
        return convert(x, type, x.geometry().keepOrder());
    }

    /** A C-order copy. */
    static GPUArray copy(GPUArray x) {
        return convert(x, x.dtype(), Geometry.contiguous(x.shape()));
    }

    private static GPUArray convert(GPUArray x, DType type, Geometry target) {
        requireConvertible(x.dtype(), type);
        if (type == x.dtype() && x.geometry().isContiguous() && target.isContiguous()) {
            GPUArray out = x.context().empty(type, target);
            copyBytes(x, out);
            return out;
        }
        if (type.isComplex()) {
            GPUArray out = x.context().empty(type, target);
            copyComponents(x.geometry(), target, x, out);
            return out;
        }
        Layout layout = Layout.of(x.shape(), strides(target, x.geometry()), offsets(target, x.geometry()));
        CompiledElementwise kernel = x.context().compiled(TiledSpecs.forLayout(BuiltinSpecs.astype(x.dtype(), type,
                layout.ndimOrZero()), layout));
        return run(kernel, layout, null, type, target, x.context(), new Object[] {x.buffer()}, x);
    }

    /** Copies {@code source}, broadcast and converted, into {@code target} (an array or a view). */
    static void assign(GPUArray target, GPUArray source) {
        requireSameContext("assign", target, source);
        requireWritable(target);
        requireConvertible(source.dtype(), target.dtype());
        long[] shape = target.shape();
        Geometry from = source.geometry().broadcastTo(shape);
        if (target.buffer() == source.buffer() && !target.geometry().equals(from)) {
            try (GPUArray staged = source.copy()) {
                assign(target, staged);
            }
            return;
        }
        if (target.dtype() == source.dtype() && from.isContiguous() && target.geometry().isContiguous()) {
            copyBytes(source, target);
            return;
        }
        if (target.dtype().isComplex()) {
            copyComponents(from, target.geometry(), source, target);
            return;
        }
        Layout layout = Layout.of(shape, strides(target.geometry(), from), offsets(target.geometry(), from));
        CompiledElementwise kernel = target.context().compiled(TiledSpecs.forLayout(BuiltinSpecs.astype(
                source.dtype(), target.dtype(), layout.ndimOrZero()), layout));
        launch(kernel, target.size(), layout, target.buffer(), source.buffer());
        Reference.reachabilityFence(target);
        Reference.reachabilityFence(source);
    }

    /**
     * Sets every element to {@code value}; a complex array takes a real value (imaginary parts become 0).
     *
     * @throws IllegalArgumentException for a broadcast view, or a value the dtype cannot hold
     */
    static void fill(GPUArray out, Number value) {
        requireWritable(out);
        if (out.dtype().isComplex()) {
            DType part = componentType(out.dtype());
            Geometry components = components(out.geometry());
            fill(part, components.index(Index.ellipsis(), Index.at(0)), out, value);
            fill(part, components.index(Index.ellipsis(), Index.at(1)), out, 0);
            return;
        }
        fill(out.dtype(), out.geometry(), out, value);
    }

    private static void fill(DType type, Geometry target, GPUArray out, Number value) {
        Object boxed = Scalars.box(value, type, () -> "fill value");
        Layout layout = Layout.of(target.shape(), strides(target), offsets(target));
        CompiledElementwise kernel = out.context().compiled(BuiltinSpecs.fill(type, layout.ndimOrZero()));
        launch(kernel, Shapes.size(target.shape()), layout, out.buffer(), boxed);
        Reference.reachabilityFence(out);
    }

    /** Copies contiguous {@code from} into contiguous {@code to} of the same dtype and size: one device memcpy. */
    private static void copyBytes(GPUArray from, GPUArray to) {
        long bytes = to.size() * to.dtype().itemSize();
        boolean itself = from.buffer() == to.buffer() && from.geometry().offset() == to.geometry().offset();
        if (bytes > 0 && !itself) {
            long item = to.dtype().itemSize();
            to.context().backend().copyOnDevice(from.buffer(), from.geometry().offset() * item, to.buffer(),
                    to.geometry().offset() * item, bytes);
        }
        Reference.reachabilityFence(from);
        Reference.reachabilityFence(to);
    }

    /** Copies complex elements as pairs of real numbers, from {@code from} of x into {@code to} of out. */
    private static void copyComponents(Geometry from, Geometry to, GPUArray x, GPUArray out) {
        DType part = componentType(out.dtype());
        Geometry source = components(from);
        Geometry target = components(to);
        Layout layout = Layout.of(target.shape(), strides(target, source), offsets(target, source));
        CompiledElementwise kernel = out.context().compiled(BuiltinSpecs.astype(part, part, layout.ndimOrZero()));
        launch(kernel, Shapes.size(target.shape()), layout, out.buffer(), x.buffer());
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(out);
    }

    /** A complex geometry seen as real numbers: a last axis of 2 (real, imaginary), strides and offset doubled. */
    private static Geometry components(Geometry g) {
        long[] shape = java.util.Arrays.copyOf(g.shape(), g.shape().length + 1);
        long[] strides = new long[shape.length];
        for (int d = 0; d < g.shape().length; d++) {
            strides[d] = 2 * g.strides()[d];
        }
        shape[shape.length - 1] = 2;
        strides[strides.length - 1] = 1;
        return new Geometry(shape, strides, 2 * g.offset());
    }

    private static DType componentType(DType complex) {
        return complex == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64;
    }

    static void arange(GPUArray out, double start, double step) {
        DType t = out.dtype();
        CompiledElementwise kernel = out.context().compiled(BuiltinSpecs.arange(t));
        Object first = t.isInteger() ? (Object) (long) start : Scalars.box(start, t, () -> "arange start");
        Object delta = t.isInteger() ? (Object) (long) step : Scalars.box(step, t, () -> "arange step");
        if (out.size() > 0) {
            kernel.launch(out.size(), new Object[] {out.buffer(), first, delta});
        }
        Reference.reachabilityFence(out);
    }

    /**
     * Reduces every element of {@code x}, in any order (sum, max, min): an array whose elements fill
     * its buffer's first {@code size} slots in some order (contiguous, transposed, ...) is reduced in place,
     * anything else from a copy.
     */
    static GPUArray reduceUnordered(ReductionSpec spec, GPUArray x) {
        Geometry g = x.geometry();
        if (g.offset() == 0 && g.denseInSomeOrder()) {
            return reduce(spec, x.size(), x, x.buffer());
        }
        try (GPUArray dense = astype(x, x.dtype())) {
            return reduce(spec, x.size(), dense, dense.buffer());
        }
    }

    /** Reduces two arrays of one shape element by element (dot): both in C order, copied when they are not flat. */
    static GPUArray reducePair(ReductionSpec spec, GPUArray x, GPUArray y) {
        try (GPUArray fx = x.flatOrCopy(); GPUArray fy = y.flatOrCopy()) {
            return reduce(spec, x.size(), fx, fx.buffer(), fy.buffer());
        }
    }

    private static GPUArray reduce(ReductionSpec spec, long n, GPUArray first, Object... args) {
        GpuContext ctx = first.context();
        var kernel = ctx.compiled(spec);
        GPUArray out = ctx.empty(DType.of(spec.outputType()));
        kernel.launch(n, args, out.buffer());
        Reference.reachabilityFence(first);
        return out;
    }

    /**
     * The geometry of an operation's result: {@code out}'s (checked), or a new array's in the memory order of
     * the first operand.
     */
    private static Geometry target(GPUArray out, DType result, long[] shape, Object op, GPUArray first) {
        if (out == null) {
            return Arrays.equals(first.shape(), shape) ? first.geometry().keepOrder() : Geometry.contiguous(shape);
        }
        requireSameContext(op, out, first);
        if (!Arrays.equals(out.shape(), shape)) {
            throw new IllegalArgumentException(name(op) + ": out has shape " + Shapes.format(out.shape())
                    + ", the result " + Shapes.format(shape));
        }
        if (out.dtype() != result) {
            throw new IllegalArgumentException(name(op) + ": out is " + out.dtype().numpyName() + ", the result "
                    + result.numpyName());
        }
        requireWritable(out);
        return out.geometry();
    }

    /** Allocates the result when there is no {@code out}, then launches; returns the result. */
    private static GPUArray run(CompiledElementwise kernel, Layout layout, GPUArray out, DType result, Geometry target,
                                GpuContext ctx, Object[] inputs, GPUArray... operands) {
        GPUArray written = out != null ? out : ctx.empty(result, target);
        launch(kernel, written.size(), layout, prepend(written, inputs));
        Reference.reachabilityFence(operands); // and so the arrays in it, whose buffers the launch took
        return written;
    }

    /** True when {@code out} shares memory with an operand that it does not overlay element for element. */
    private static boolean aliasesDifferently(GPUArray out, GPUArray... operands) {
        for (GPUArray a : operands) {
            if (a.buffer() == out.buffer() && !a.geometry().broadcastTo(out.shape()).equals(out.geometry())) {
                return true;
            }
        }
        return false;
    }

    private static Object[] prepend(GPUArray out, Object[] inputs) {
        Object[] all = new Object[inputs.length + 1];
        all[0] = out.buffer();
        System.arraycopy(inputs, 0, all, 1, inputs.length);
        return all;
    }

    static void launch(CompiledElementwise kernel, long n, Layout layout, Object... args) {
        if (n <= 0) {
            return;
        }
        Object[] values = layout.values();
        if (values.length == 0) {
            kernel.launch(n, args);
            return;
        }
        Object[] all = Arrays.copyOf(args, args.length + values.length);
        System.arraycopy(values, 0, all, args.length, values.length);
        kernel.launch(n, all);
    }

    private static long[][] strides(Geometry... geometries) {
        long[][] strides = new long[geometries.length][];
        for (int k = 0; k < geometries.length; k++) {
            strides[k] = geometries[k].strides();
        }
        return strides;
    }

    private static long[] offsets(Geometry first, Geometry... rest) {
        long[] offsets = new long[rest.length + 1];
        offsets[0] = first.offset();
        for (int k = 0; k < rest.length; k++) {
            offsets[k + 1] = rest[k].offset();
        }
        return offsets;
    }

    private static void requireConvertible(DType from, DType to) {
        if ((from.isComplex() || to.isComplex()) && from != to) {
            throw new UnsupportedOperationException("astype between " + from.numpyName() + " and " + to.numpyName()
                    + " is not supported");
        }
    }

    static void requireWritable(GPUArray target) {
        if (target.geometry().overlaps()) {
            throw new IllegalArgumentException("cannot write into a broadcast view (shape "
                    + Shapes.format(target.shape()) + ", strides " + Arrays.toString(target.strides())
                    + "): its elements overlap; write into a copy");
        }
    }

    static void requireSameContext(Object op, GPUArray x, GPUArray y) {
        if (x.context() != y.context()) {
            throw new IllegalArgumentException("operands of " + name(op) + " belong to different contexts");
        }
    }

    static void requireSameShape(Object op, GPUArray x, GPUArray y) {
        requireSameContext(op, x, y);
        if (!Arrays.equals(x.shape(), y.shape())) {
            throw new IllegalArgumentException("shape mismatch in " + name(op) + ": "
                    + Shapes.format(x.shape()) + " vs " + Shapes.format(y.shape()));
        }
    }

    private static String name(Object op) {
        return op.toString().toLowerCase();
    }
}
