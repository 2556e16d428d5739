package org.jgpuarray;

import java.util.function.Supplier;
import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;

/**
 * The Java values of a kernel call checked against its argument list: count, kinds, dtypes, contexts and
 * lifetimes. Sizes are checked by the caller once it knows how many elements the call runs over.
 */
final class KernelArguments {
    private KernelArguments() {
    }

    /**
     * A call's values, checked: per parameter, the array (for pointers) or the boxed scalar of its C type.
     *
     * @param kernel    the kernel's name, for messages
     * @param arguments the parameters
     * @param arrays    the arrays, null at scalar parameters
     * @param scalars   the boxed scalars, null at array parameters
     */
    record Checked(String kernel, ArgumentList arguments, GPUArray[] arrays, Object[] scalars) {
        /** True when every array is contiguous from its buffer's start (kernels index it by i). */
        boolean allFlat() {
            for (GPUArray a : arrays) {
                if (a != null && !a.isFlat()) {
                    return false;
                }
            }
            return true;
        }

        /** True when every array has the same shape. */
        boolean sameShapes() {
            Geometry first = null;
            for (GPUArray a : arrays) {
                if (a != null) {
                    if (first == null) {
                        first = a.geometry();
                    } else if (!first.sameShape(a.geometry())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * The size of the first array, the {@code n} of a call without an explicit one.
         *
         * @throws IllegalArgumentException when the kernel has no array parameter
         */
        long firstSize() {
            for (GPUArray a : arrays) {
                if (a != null) {
                    return a.size();
                }
            }
            throw new IllegalArgumentException("kernel '" + kernel
                    + "' has no array argument to take its size from; use launch(n, args...)");
        }

        /**
         * Checks that every array holds at least {@code n} elements.
         *
         * @throws IllegalArgumentException naming the argument and both sizes
         */
        void requireSizes(long n) {
            for (int k = 0; k < arrays.length; k++) {
                if (arrays[k] != null && arrays[k].size() < n) {
                    throw new IllegalArgumentException(what(k) + " has " + arrays[k].size()
                            + " elements, but the call runs over " + n + "; every array must hold at least n elements");
                }
            }
        }

        /** The launch values with each array replaced by the buffer of {@code substitutes[k]} where given. */
        Object[] values(GPUArray[] substitutes) {
            Object[] values = new Object[arrays.length];
            for (int k = 0; k < values.length; k++) {
                GPUArray a = substitutes != null && substitutes[k] != null ? substitutes[k] : arrays[k];
                values[k] = a != null ? a.buffer() : scalars[k];
            }
            return values;
        }

        /** The launch values: buffers for arrays, boxed scalars. */
        Object[] values() {
            return values(null);
        }

        String what(int k) {
            return KernelArguments.what(kernel, arguments, k);
        }
    }

    /**
     * Checks a call's values.
     *
     * @throws IllegalArgumentException naming the kernel, the argument and what was expected
     * @throws IllegalStateException    when the context or an array is closed
     */
    static Checked check(GpuContext context, String kernel, ArgumentList arguments, Object[] values) {
        context.ensureOpen();
        if (values == null || values.length != arguments.size()) {
            throw new IllegalArgumentException("kernel '" + kernel + "' takes " + arguments.size() + " arguments ("
                    + arguments.declaration() + "), got " + (values == null ? "null" : values.length));
        }
        GPUArray[] arrays = new GPUArray[values.length];
        Object[] scalars = new Object[values.length];
        for (int k = 0; k < values.length; k++) {
            Argument a = arguments.get(k);
            DType type = DType.of(a.type());
            int index = k;
            Supplier<String> what = () -> what(kernel, arguments, index); // built only for a message
            if (a.array()) {
                arrays[k] = array(context, values[k], type, what);
            } else if (values[k] instanceof GPUArray) {
                throw new IllegalArgumentException(what.get() + " is a scalar, but got a GPUArray");
            } else {
                scalars[k] = Scalars.box(values[k], type, what);
            }
        }
        return new Checked(kernel, arguments, arrays, scalars);
    }

    /** Names argument {@code k} in a message: "argument 1 'float a' of kernel 'lin'". */
    static String what(String kernel, ArgumentList arguments, int k) {
        return "argument " + (k + 1) + " '" + arguments.get(k).declaration() + "' of kernel '" + kernel + "'";
    }

    private static GPUArray array(GpuContext context, Object value, DType type, Supplier<String> what) {
        if (!(value instanceof GPUArray g)) {
            throw new IllegalArgumentException(what.get() + " needs a GPUArray, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        g.ensureOpen();
        if (g.context() != context) {
            throw new IllegalArgumentException(what.get() + " got an array of another context");
        }
        if (g.dtype() != type) {
            throw new IllegalArgumentException(what.get() + " needs a " + type.numpyName() + " array, got "
                    + g.dtype().numpyName());
        }
        return g;
    }
}
