package org.jgpuarray;

import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;

/**
 * Binds the Java values of a kernel call to its argument list, checking count, kinds, dtypes and sizes,
 * so that a generated kernel never reads or writes past an array.
 */
final class KernelArguments {
    private KernelArguments() {
    }

    /**
     * The backend values of a call over {@code n} elements: {@code DeviceBuffer}s for arrays, boxed values
     * for scalars.
     *
     * @param n the element count, or -1 to take the size of the first array argument
     * @throws IllegalArgumentException naming the kernel, the argument and what was expected; an array
     *                                  smaller than n is named with both sizes
     * @throws IllegalStateException    when the context or an array is closed
     */
    static Bound bind(GpuContext context, String kernel, ArgumentList arguments, Object[] values, long n) {
        context.ensureOpen();
        if (values == null || values.length != arguments.size()) {
            throw new IllegalArgumentException("kernel '" + kernel + "' takes " + arguments.size() + " arguments ("
                    + arguments.declaration() + "), got " + (values == null ? "null" : values.length));
        }
        Object[] bound = new Object[values.length];
        long count = n;
        for (int k = 0; k < values.length; k++) {
            Argument a = arguments.get(k);
            String what = "argument " + (k + 1) + " '" + a.declaration() + "' of kernel '" + kernel + "'";
            DType type = DType.of(a.type());
            if (a.array()) {
                GPUArray array = array(context, values[k], type, what);
                if (count < 0) {
                    count = array.size();
                } else if (array.size() < count) {
                    throw new IllegalArgumentException(what + " has " + array.size() + " elements, but the call runs over "
                            + count + "; every array must hold at least n elements");
                }
                bound[k] = array.buffer();
            } else if (values[k] instanceof GPUArray) {
                throw new IllegalArgumentException(what + " is a scalar, but got a GPUArray");
            } else {
                bound[k] = Scalars.box(values[k], type, what);
            }
        }
        if (count < 0) {
            throw new IllegalArgumentException("kernel '" + kernel
                    + "' has no array argument to take its size from; use launch(n, args...)");
        }
        return new Bound(bound, count);
    }

    /** The bound values and the element count of a call. */
    record Bound(Object[] values, long n) {
    }

    private static GPUArray array(GpuContext context, Object value, DType type, String what) {
        if (!(value instanceof GPUArray g)) {
            throw new IllegalArgumentException(what + " needs a GPUArray, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        g.ensureOpen();
        if (g.context() != context) {
            throw new IllegalArgumentException(what + " got an array of another context");
        }
        if (g.dtype() != type) {
            throw new IllegalArgumentException(what + " needs a " + type.numpyName() + " array, got "
                    + g.dtype().numpyName());
        }
        return g;
    }
}
