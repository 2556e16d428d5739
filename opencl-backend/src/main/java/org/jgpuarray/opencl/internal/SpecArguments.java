package org.jgpuarray.opencl.internal;

import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.spi.DeviceBuffer;

/** Binds the values of a generated kernel's call to the parameters of its argument list. */
final class SpecArguments {
    private SpecArguments() {
    }

    /**
     * Sets parameters {@code 0 .. arguments.size()-1} of {@code kernel}.
     *
     * @param values a {@link DeviceBuffer} per array argument, a boxed number per scalar; not modified
     * @throws IllegalArgumentException when the count or a kind does not match
     */
    static void bind(ClKernel kernel, ArgumentList arguments, Object[] values) {
        if (values.length != arguments.size()) {
            throw new IllegalArgumentException("kernel '" + kernel.name() + "' takes " + arguments.size()
                    + " arguments (" + arguments.declaration() + "), got " + values.length);
        }
        for (int k = 0; k < values.length; k++) {
            Argument a = arguments.get(k);
            if (a.array()) {
                if (!(values[k] instanceof DeviceBuffer buffer)) {
                    throw new IllegalArgumentException("argument " + (k + 1) + " '" + a.declaration() + "' of kernel '"
                            + kernel.name() + "' needs a device buffer, got " + values[k]);
                }
                kernel.setBuffer(k, buffer);
            } else {
                kernel.setScalar(k, values[k], a.type());
            }
        }
    }
}
