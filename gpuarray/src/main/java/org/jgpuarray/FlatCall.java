package org.jgpuarray;

import java.util.function.Supplier;
import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;

/**
 * The common call of a user kernel, checked in one pass: every array argument flat (contiguous from its
 * buffer's start) and of one shape, every argument of the declared kind and dtype. What a call needs to know
 * about its parameters (array or scalar, dtype, how a message names it) is worked out once per kernel, so
 * such a call builds no string, looks nothing up and allocates only its launch values.
 *
 * <p>Anything else gives null and the caller takes the general path ({@link KernelArguments#check}), which
 * checks everything again, names the problem and handles views and broadcasting. Arguments are looked at in
 * order and the first that is not the common case stops this path before a later one is looked at; the only
 * exceptions thrown here are those the general path would throw at the same argument (a closed context or
 * array, a scalar that does not fit its type), so this path changes no answer and no message.
 *
 * <p>Immutable; thread-safe.
 */
final class FlatCall {
    private final GpuContext context;
    /** Per parameter: its dtype. */
    private final DType[] types;
    /** Per parameter: true for a pointer (an array). */
    private final boolean[] arrays;
    /** Per parameter: names it in a message, e.g. "argument 1 'float a' of kernel 'lin'"; built only for a message. */
    private final Supplier<String>[] names;
    /** The first array parameter, whose size is the call's n; -1 when there is none. */
    private final int first;

    @SuppressWarnings("unchecked")
    FlatCall(GpuContext context, String kernel, ArgumentList arguments) {
        this.context = context;
        int count = arguments.size();
        this.types = new DType[count];
        this.arrays = new boolean[count];
        this.names = new Supplier[count];
        int firstArray = -1;
        for (int k = 0; k < count; k++) {
            Argument a = arguments.get(k);
            types[k] = DType.of(a.type());
            arrays[k] = a.array();
            int index = k;
            names[k] = () -> KernelArguments.what(kernel, arguments, index);
            if (a.array() && firstArray < 0) {
                firstArray = k;
            }
        }
        this.first = firstArray;
    }

    /**
     * The launch values of a common call (buffers for arrays, scalars boxed as their declared type), or null
     * when the call needs the general path.
     *
     * @param args the call's values; not modified
     * @throws IllegalStateException    when the context, or an array the general path would also reach, is closed
     * @throws IllegalArgumentException for a scalar that does not fit its type, as the general path words it
     */
    Object[] values(Object[] args) {
        context.ensureOpen();
        if (first < 0 || args == null || args.length != types.length || !(args[first] instanceof GPUArray lead)) {
            return null;
        }
        Geometry shape = lead.geometry();
        Object[] values = new Object[args.length];
        for (int k = 0; k < args.length; k++) {
            Object value = args[k];
            if (arrays[k]) {
                if (!(value instanceof GPUArray g) || g.context() != context || g.dtype() != types[k]
                        || !g.isFlat() || (k != first && !shape.sameShape(g.geometry()))) {
                    return null;
                }
                values[k] = g.buffer(); // throws for a closed array, as the general path does
            } else {
                if (value instanceof GPUArray) {
                    return null;
                }
                values[k] = Scalars.box(value, types[k], names[k]);
            }
        }
        return values;
    }

    /**
     * The {@code n} of a call {@link #values} accepted: the size of its first array.
     *
     * @param args the same values; not modified
     */
    long size(Object[] args) {
        return ((GPUArray) args[first]).size();
    }
}
