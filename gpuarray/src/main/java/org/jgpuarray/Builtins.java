package org.jgpuarray;

import org.jgpuarray.internal.BinaryOp;
import org.jgpuarray.internal.BuiltinSpecs;
import org.jgpuarray.internal.UnaryOp;
import org.jgpuarray.kernels.ReductionSpec;

/** Runs the built-in kernels of {@link BuiltinSpecs} on arrays: the engine behind GPUArray's operations. */
final class Builtins {
    private Builtins() {
    }

    static GPUArray binary(BinaryOp op, GPUArray x, GPUArray y) {
        requireSameShape(op, x, y);
        DType compute = op.computeType(DType.promote(x.dtype(), y.dtype()));
        GPUArray out = x.context().empty(op.resultType(compute), x.shape());
        launch(out, BuiltinSpecs.binary(op, x.dtype(), y.dtype(), compute), out.buffer(), x.buffer(), y.buffer());
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
        GPUArray out = x.context().empty(op.resultType(compute), x.shape());
        launch(out, BuiltinSpecs.binaryScalar(op, x.dtype(), compute, scalarFirst), out.buffer(), x.buffer(), value);
        return out;
    }

    static GPUArray unary(UnaryOp op, GPUArray x) {
        GPUArray out = x.context().empty(op.resultType(x.dtype()), x.shape());
        launch(out, BuiltinSpecs.unary(op, x.dtype()), out.buffer(), x.buffer());
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
        GPUArray out = x.context().empty(type, x.shape());
        launch(out, BuiltinSpecs.astype(x.dtype(), type), out.buffer(), x.buffer());
        return out;
    }

    static void fill(GPUArray out, Number value) {
        if (out.dtype().isComplex()) {
            throw new UnsupportedOperationException("fill of complex arrays is not supported");
        }
        launch(out, BuiltinSpecs.fill(out.dtype()), out.buffer(), Scalars.box(value, out.dtype(), "fill value"));
    }

    static void arange(GpuContext ctx, GPUArray out, double start, double step) {
        DType t = out.dtype();
        if (t.isInteger()) {
            if (start != Math.rint(start) || step != Math.rint(step)) {
                throw new IllegalArgumentException("arange of " + t.numpyName() + " needs integral start and step, got "
                        + start + " and " + step);
            }
            launch(out, BuiltinSpecs.arange(t), out.buffer(), (long) start, (long) step);
        } else if (t.isFloatingPoint()) {
            launch(out, BuiltinSpecs.arange(t), out.buffer(), Scalars.box(start, t, "arange start"),
                    Scalars.box(step, t, "arange step"));
        } else {
            throw new IllegalArgumentException("arange needs an integer or floating dtype, got " + t.numpyName());
        }
    }

    static GPUArray reduce(ReductionSpec spec, GPUArray first, Object... args) {
        GpuContext ctx = first.context();
        GPUArray out = ctx.empty(DType.of(spec.outputType()));
        ctx.compiled(spec).launch(first.size(), args, out.buffer());
        return out;
    }

    private static void launch(GPUArray sized, org.jgpuarray.kernels.ElementwiseSpec spec, Object... args) {
        if (sized.size() > 0) {
            sized.context().compiled(spec).launch(sized.size(), args);
        }
    }

    static void requireSameShape(Object op, GPUArray x, GPUArray y) {
        if (x.context() != y.context()) {
            throw new IllegalArgumentException("operands of " + op.toString().toLowerCase()
                    + " belong to different contexts");
        }
        if (!java.util.Arrays.equals(x.shape(), y.shape())) {
            throw new IllegalArgumentException("shape mismatch in " + op.toString().toLowerCase() + ": "
                    + Shapes.format(x.shape()) + " vs " + Shapes.format(y.shape()));
        }
    }
}
