package org.jgpuarray.cuda.internal;

import jcuda.NativePointerObject;
import jcuda.Pointer;
import org.jgpuarray.device.LocalMemory;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * Builds the {@code void **kernelParams} of {@code cuLaunchKernel}: one pointer per argument, to the
 * device address for a buffer and to the value for a number, whose C type is given by its Java type
 * ({@code Float} float, {@code Double} double, {@code Integer} int, {@code Long} long long,
 * {@code Short} short, {@code Byte} char or bool).
 */
final class KernelParams {
    private KernelParams() {
    }

    /**
     * The parameter block for {@code args} followed by {@code trailing}.
     *
     * @param memory the memory that owns every buffer among the arguments
     * @param kernel the kernel's name, for messages
     */
    static Pointer of(DeviceMemory memory, String kernel, Object[] args, Object... trailing) {
        NativePointerObject[] params = new NativePointerObject[args.length + trailing.length];
        for (int k = 0; k < params.length; k++) {
            Object value = k < args.length ? args[k] : trailing[k - args.length];
            params[k] = one(memory, kernel, k, value);
        }
        return Pointer.to(params);
    }

    private static Pointer one(DeviceMemory memory, String kernel, int index, Object value) {
        if (value instanceof DeviceBuffer buffer) {
            CudaBuffer own = memory.owns(buffer) ? (CudaBuffer) buffer
                    : memory.own(buffer, "argument " + (index + 1) + " of kernel '" + kernel + "'");
            return Pointer.to(own.pointer());
        }
        if (value instanceof Float f) {
            return Pointer.to(new float[] {f});
        }
        if (value instanceof Double d) {
            return Pointer.to(new double[] {d});
        }
        if (value instanceof Integer i) {
            return Pointer.to(new int[] {i});
        }
        if (value instanceof Long l) {
            return Pointer.to(new long[] {l});
        }
        if (value instanceof Short s) {
            return Pointer.to(new short[] {s});
        }
        if (value instanceof Byte b) {
            return Pointer.to(new byte[] {b});
        }
        if (value instanceof Boolean b) {
            return Pointer.to(new byte[] {(byte) (b ? 1 : 0)});
        }
        if (value instanceof LocalMemory) {
            throw new IllegalArgumentException("argument " + (index + 1) + " of kernel '" + kernel
                    + "' is LocalMemory, an OpenCL argument; in CUDA declare a __shared__ array in the kernel");
        }
        throw new IllegalArgumentException("argument " + (index + 1) + " of kernel '" + kernel
                + "' must be a device buffer or a boxed Float, Double, Integer, Long, Short or Byte, got "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
