package org.jgpuarray;

import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;

/** Binds the Java values of a kernel call to its argument list, checking count, kinds and dtypes. */
final class KernelArguments {
    private KernelArguments() {
    }

    /**
     * The backend values of a call: {@code DeviceBuffer}s for arrays, boxed values for scalars.
     *
     * @throws IllegalArgumentException naming the kernel, the argument and what was expected
     */
    static Object[] bind(GpuContext context, String kernel, ArgumentList arguments, Object[] values) {
        if (values.length != arguments.size()) {
            throw new IllegalArgumentException("kernel '" + kernel + "' takes " + arguments.size() + " arguments ("
                    + arguments.declaration() + "), got " + values.length);
        }
        Object[] bound = new Object[values.length];
        for (int k = 0; k < values.length; k++) {
            Argument a = arguments.get(k);
            String what = "argument " + (k + 1) + " '" + a.declaration() + "' of kernel '" + kernel + "'";
            DType type = DType.of(a.type());
            if (a.array()) {
                bound[k] = array(context, values[k], type, what).buffer();
            } else if (values[k] instanceof GPUArray) {
                throw new IllegalArgumentException(what + " is a scalar, but got a GPUArray");
            } else {
                bound[k] = Scalars.box(values[k], type, what);
            }
        }
        return bound;
    }

    /**
     * The size of the first array argument, the {@code n} of a call; call after {@link #bind}.
     *
     * @throws IllegalArgumentException when the kernel has no array parameter
     */
    static long sizeOfFirstArray(String kernel, ArgumentList arguments, Object[] values) {
        for (int k = 0; k < arguments.size(); k++) {
            if (arguments.get(k).array()) {
                return ((GPUArray) values[k]).size();
            }
        }
        throw new IllegalArgumentException("kernel '" + kernel
                + "' has no array argument to take its size from; use launch(n, args...)");
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
