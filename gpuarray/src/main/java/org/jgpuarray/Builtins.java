package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Arrays;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.spi.CompiledElementwise;

/**
 * Runs the built-in kernels of {@link BuiltinSpecs} on arrays: the engine behind GPUArray's operations.
 * Every operation keeps its operands reachable until its launch has returned
 * ({@link Reference#reachabilityFence}): a launch takes their buffers, and an operand the collector found
 * unreachable meanwhile could have its buffer freed by another thread's allocation.
 * Each operation compiles (or finds) its kernel before it allocates its output, so a kernel that cannot
 * be built leaves nothing behind.
 */
final class Builtins {
    private Builtins() {
    }

    static GPUArray binary(BinaryOp op, GPUArray x, GPUArray y) {
        requireSameShape(op, x, y);
        DType compute = op.computeType(DType.promote(x.dtype(), y.dtype()));
        CompiledElementwise kernel = x.context().compiled(BuiltinSpecs.binary(op, x.dtype(), y.dtype(), compute));
        GPUArray out = x.context().empty(op.resultType(compute), x.shape());
        launch(kernel, out, out.buffer(), x.buffer(), y.buffer());
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(y);
        return out;
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
        Object value = Scalars.box(s, compute, op.name().toLowerCase() + "'s scalar operand");
        CompiledElementwise kernel = x.context().compiled(BuiltinSpecs.binaryScalar(op, x.dtype(), compute,
                scalarFirst));
        GPUArray out = x.context().empty(op.resultType(compute), x.shape());
        launch(kernel, out, out.buffer(), x.buffer(), value);
        Reference.reachabilityFence(x);
        return out;
    }

    static GPUArray unary(UnaryOp op, GPUArray x) {
        DType type = op.resultType(x.dtype());
        CompiledElementwise kernel = x.context().compiled(BuiltinSpecs.unary(op, x.dtype()));
        GPUArray out = x.context().empty(type, x.shape());
        launch(kernel, out, out.buffer(), x.buffer());
        Reference.reachabilityFence(x);
        return out;
    }

    static GPUArray astype(GPUArray x, DType type) {
        if (x.dtype().isComplex() || type.isComplex()) {
            if (x.dtype() == type) {
                return x.copy();
            }
            throw new UnsupportedOperationException("astype between " + x.dtype().numpyName() + " and "
                    + type.numpyName() + " is not supported");
        }
        CompiledElementwise kernel = x.context().compiled(BuiltinSpecs.astype(x.dtype(), type));
        GPUArray out = x.context().empty(type, x.shape());
        launch(kernel, out, out.buffer(), x.buffer());
        Reference.reachabilityFence(x);
        return out;
    }

    static void fill(GPUArray out, Number value) {
        if (out.dtype().isComplex()) {
            throw new UnsupportedOperationException("fill of complex arrays is not supported");
        }
        Object boxed = Scalars.box(value, out.dtype(), "fill value");
        launch(out.context().compiled(BuiltinSpecs.fill(out.dtype())), out, out.buffer(), boxed);
        Reference.reachabilityFence(out);
    }

    static void arange(GPUArray out, double start, double step) {
        DType t = out.dtype();
        CompiledElementwise kernel = out.context().compiled(BuiltinSpecs.arange(t));
        if (t.isInteger()) {
            launch(kernel, out, out.buffer(), (long) start, (long) step);
        } else {
            launch(kernel, out, out.buffer(), Scalars.box(start, t, "arange start"), Scalars.box(step, t, "arange step"));
        }
        Reference.reachabilityFence(out);
    }

    /**
     * Reduces {@code first.size()} elements into a new 0-d array of the spec's type. The caller keeps any
     * other array whose buffer is among {@code args} reachable until this returns.
     */
    static GPUArray reduce(ReductionSpec spec, GPUArray first, Object... args) {
        GpuContext ctx = first.context();
        var kernel = ctx.compiled(spec);
        GPUArray out = ctx.empty(DType.of(spec.outputType()));
        kernel.launch(first.size(), args, out.buffer());
        Reference.reachabilityFence(first);
        return out;
    }

    private static void launch(CompiledElementwise kernel, GPUArray sized, Object... args) {
        if (sized.size() > 0) {
            kernel.launch(sized.size(), args);
        }
    }

    static void requireSameShape(Object op, GPUArray x, GPUArray y) {
        if (x.context() != y.context()) {
            throw new IllegalArgumentException("operands of " + op.toString().toLowerCase()
                    + " belong to different contexts");
        }
        if (!Arrays.equals(x.shape(), y.shape())) {
            throw new IllegalArgumentException("shape mismatch in " + op.toString().toLowerCase() + ": "
                    + Shapes.format(x.shape()) + " vs " + Shapes.format(y.shape()));
        }
    }
}
