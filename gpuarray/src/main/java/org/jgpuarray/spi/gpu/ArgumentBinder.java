package org.jgpuarray.spi.gpu;

import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * Turns the values of a generated kernel's call into launch arguments: a {@link DeviceBuffer} per array
 * parameter, the exact boxed C type per scalar parameter, then the trailing parameters the generator
 * added ({@code n}, partials, ...).
 */
final class ArgumentBinder {
    private ArgumentBinder() {
    }

    /**
     * @param kernel    the kernel's name, for messages
     * @param arguments the declared parameters
     * @param values    one per parameter: a buffer for arrays, a number (or Boolean for bool) for scalars
     * @param trailing  appended as they are
     * @throws IllegalArgumentException naming the argument when the count or a kind does not match
     */
    static Object[] bind(String kernel, ArgumentList arguments, Object[] values, Object... trailing) {
        if (values.length != arguments.size()) {
            throw new IllegalArgumentException("kernel '" + kernel + "' takes " + arguments.size() + " arguments ("
                    + arguments.declaration() + "), got " + values.length);
        }
        Object[] bound = new Object[values.length + trailing.length];
        for (int k = 0; k < values.length; k++) {
            bound[k] = one(kernel, k, arguments.get(k), values[k]);
        }
        System.arraycopy(trailing, 0, bound, values.length, trailing.length);
        return bound;
    }

    private static Object one(String kernel, int index, Argument a, Object value) {
        if (a.array()) {
            if (value instanceof DeviceBuffer) {
                return value;
            }
            throw new IllegalArgumentException("argument " + (index + 1) + " '" + a.declaration() + "' of kernel '"
                    + kernel + "' needs a device buffer, got " + describe(value));
        }
        Number number;
        if (value instanceof Boolean b) {
            number = b ? 1 : 0;
        } else if (value instanceof Number n) {
            number = n;
        } else {
            throw new IllegalArgumentException("argument " + (index + 1) + " '" + a.declaration() + "' of kernel '"
                    + kernel + "' needs a number, got " + describe(value));
        }
        return switch (a.type()) {
            case BOOL -> (byte) (number.doubleValue() != 0 ? 1 : 0);
            case INT32 -> number.intValue();
            case INT64 -> number.longValue();
            case FLOAT32 -> number.floatValue();
            case FLOAT64 -> number.doubleValue();
            case COMPLEX64, COMPLEX128 -> throw new IllegalArgumentException("argument " + (index + 1) + " of kernel '"
                    + kernel + "' is complex, which kernels cannot take as a scalar");
        };
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
