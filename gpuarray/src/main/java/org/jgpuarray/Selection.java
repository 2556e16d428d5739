package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jgpuarray.IndexingSpecs.Operand;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.spi.CompiledElementwise;

/**
 * Elementwise selection between operands that are arrays or Java scalars: NumPy's {@code where}, PyCUDA's
 * {@code if_positive} and NumPy's {@code clip}. Arrays broadcast by NumPy's rules and may be views; the result
 * type follows NumPy with scalars typed by NEP 50 (a Java integer takes the arrays' type, a Java floating-point
 * value keeps a floating type and makes integers float64). One generated kernel per call.
 */
final class Selection {
    private Selection() {
    }

    /**
     * {@code cond ? a : b}, the condition being nonzero ({@code where}) or positive ({@code if_positive}).
     *
     * @param a an array or a Number
     * @param b an array or a Number
     */
    static GPUArray select(boolean positive, GPUArray cond, Object a, Object b, GPUArray out) {
        String what = positive ? "if_positive" : "where";
        Objects.requireNonNull(cond, "condition").ensureOpen();
        requireReal(what, cond);
        DType result = resultType(what, a, b);
        Operand oa = operand(a);
        Operand ob = operand(b);
        return run(what, result, out, List.of(cond, a, b),
                ndim -> IndexingSpecs.select(positive, cond.dtype(), oa, ob, result, ndim));
    }

    /**
     * {@code minimum(maximum(x, lo), hi)}, NaN propagating as NumPy's {@code clip}.
     *
     * @param lo an array, a Number or null (no lower bound)
     * @param hi an array, a Number or null (no upper bound)
     */
    static GPUArray clip(GPUArray x, Object lo, Object hi, GPUArray out) {
        if (lo == null && hi == null) {
            throw new IllegalArgumentException("clip needs at least one bound; both lo and hi are null");
        }
        requireReal("clip", x);
        DType result = resultType("clip", x, lo, hi);
        if (result == DType.BOOL) {
            throw new IllegalArgumentException("clip of bool values is not supported; convert with astype first");
        }
        Operand olo = lo == null ? Operand.NONE : operand(lo);
        Operand ohi = hi == null ? Operand.NONE : operand(hi);
        List<Object> operands = new ArrayList<>(List.of(x));
        if (lo != null) {
            operands.add(lo);
        }
        if (hi != null) {
            operands.add(hi);
        }
        return run("clip", result, out, operands, ndim -> IndexingSpecs.clip(x.dtype(), olo, ohi, result, ndim));
    }

    /** Broadcasts the array operands, checks or allocates the result, and launches the kernel. */
    private static GPUArray run(String what, DType result, GPUArray out, List<Object> operands,
                                IntFunction<ElementwiseSpec> spec) {
        List<GPUArray> arrays = new ArrayList<>();
        for (Object o : operands) {
            if (o instanceof GPUArray g) {
                Builtins.requireSameContext(what, arrays.isEmpty() ? g : arrays.get(0), g);
                arrays.add(g);
            }
        }
        GPUArray first = arrays.get(0);
        long[] shape = Geometry.broadcast(arrays.stream().map(GPUArray::shape).toArray(long[][]::new));
        Geometry target = target(what, out, result, shape, first);
        if (out != null && sharesMemory(out, arrays)) {
            try (GPUArray fresh = run(what, result, null, operands, spec)) {
                return out.assign(fresh);
            }
        }
        long[][] strides = new long[arrays.size() + 1][];
        long[] offsets = new long[arrays.size() + 1];
        strides[0] = target.strides();
        offsets[0] = target.offset();
        for (int k = 0; k < arrays.size(); k++) {
            Geometry g = arrays.get(k).geometry().broadcastTo(shape);
            strides[k + 1] = g.strides();
            offsets[k + 1] = g.offset();
        }
        Layout layout = Layout.of(shape, strides, offsets);
        CompiledElementwise kernel = first.context().compiled(spec.apply(layout.ndimOrZero()));
        GPUArray written = out != null ? out : first.context().empty(result, target);
        Object[] args = new Object[operands.size() + 1];
        args[0] = written.buffer();
        for (int k = 0; k < operands.size(); k++) {
            Object o = operands.get(k);
            args[k + 1] = o instanceof GPUArray g ? g.buffer() : Scalars.box(o, result, () -> what + "'s scalar " + o);
        }
        Builtins.launch(kernel, written.size(), layout, args);
        Reference.reachabilityFence(operands); // and so the arrays in it, whose buffers the launch took
        return written;
    }

    /** NumPy's result type of the value operands, scalars typed by NEP 50. */
    private static DType resultType(String what, Object... values) {
        DType arrays = null;
        boolean floatScalar = false;
        for (Object v : values) {
            if (v instanceof GPUArray g) {
                g.ensureOpen();
                requireReal(what, g);
                arrays = arrays == null ? g.dtype() : DType.promote(arrays, g.dtype());
            } else if (v instanceof Double || v instanceof Float) {
                floatScalar = true;
            } else if (v != null && !(v instanceof Number)) {
                throw new IllegalArgumentException(what + " takes arrays and numbers, got " + v.getClass().getSimpleName());
            }
        }
        boolean anyScalar = Arrays.stream(values).anyMatch(v -> v instanceof Number);
        if (arrays == null) {
            return floatScalar ? DType.FLOAT64 : DType.INT64;
        }
        if (!anyScalar) {
            return arrays;
        }
        return floatScalar ? arrays.withFloatScalar() : arrays.withIntegerScalar();
    }

    private static Operand operand(Object value) {
        if (value instanceof GPUArray g) {
            return Operand.array(g.dtype());
        }
        Objects.requireNonNull(value, "operand");
        return Operand.SCALAR;
    }

    /** The result's geometry: {@code out}'s (checked), or a new array's in the first operand's memory order. */
    private static Geometry target(String what, GPUArray out, DType result, long[] shape, GPUArray first) {
        if (out == null) {
            return Arrays.equals(first.shape(), shape) ? first.geometry().keepOrder() : Geometry.contiguous(shape);
        }
        out.ensureOpen();
        Builtins.requireSameContext(what, out, first);
        if (!Arrays.equals(out.shape(), shape) || out.dtype() != result) {
            throw new IllegalArgumentException(what + ": out is " + out.dtype().numpyName() + " of shape "
                    + Shapes.format(out.shape()) + ", the result " + result.numpyName() + " of shape "
                    + Shapes.format(shape));
        }
        Builtins.requireWritable(out);
        return out.geometry();
    }

    /** True when {@code out} shares memory with an operand that it does not overlay element for element. */
    private static boolean sharesMemory(GPUArray out, List<GPUArray> arrays) {
        for (GPUArray a : arrays) {
            if (a.buffer() == out.buffer()
                    && !(Arrays.equals(a.shape(), out.shape()) && a.geometry().equals(out.geometry()))) {
                return true;
            }
        }
        return false;
    }

    private static void requireReal(String what, GPUArray a) {
        if (a.dtype().isComplex()) {
            throw new UnsupportedOperationException(what + " of " + a.dtype().numpyName() + " arrays is not supported");
        }
    }
}
