package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import org.jgpuarray.device.LocalMemory;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * One {@code cl_kernel} and its argument setting. Arguments are state of the kernel object, so a kernel
 * is used from the device's thread only, set and enqueued in one go.
 */
final class ClKernel {
    private final cl_kernel kernel;
    private final String name;
    private final ClMemory memory;
    private final int argumentCount;
    private boolean released;

    ClKernel(cl_program program, String name, ClMemory memory) {
        int[] err = new int[1];
        this.kernel = clCreateKernel(program, name, err);
        if (err[0] == CL_INVALID_KERNEL_NAME) {
            throw new IllegalArgumentException("the program defines no kernel named '" + name + "'");
        }
        Cl.check("clCreateKernel", err[0], name);
        this.name = name;
        this.memory = memory;
        int[] count = new int[1];
        Cl.check("clGetKernelInfo", clGetKernelInfo(kernel, CL_KERNEL_NUM_ARGS, Sizeof.cl_uint, Pointer.to(count),
                null), name);
        this.argumentCount = count[0];
    }

    /** {@code CL_KERNEL_NUM_ARGS}: how many arguments every launch must set. */
    int argumentCount() {
        return argumentCount;
    }

    /** The kernel's name. */
    String name() {
        return name;
    }

    cl_kernel handle() {
        return kernel;
    }

    /** {@code CL_KERNEL_WORK_GROUP_SIZE} on the given device: the largest work-group this kernel can run. */
    long maxWorkGroupSize(ClDeviceHandle device) {
        long[] size = new long[1];
        Cl.check("clGetKernelWorkGroupInfo", clGetKernelWorkGroupInfo(kernel, device.device(),
                CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size), null), name);
        return size[0];
    }

    /** Binds a buffer of this device. */
    void setBuffer(int index, DeviceBuffer buffer) {
        set(index, Sizeof.cl_mem, Pointer.to(memory.own(buffer).mem()));
    }

    /** Binds a 64-bit integer (the {@code long n} of generated kernels). */
    void setLong(int index, long value) {
        set(index, Sizeof.cl_long, Pointer.to(new long[] {value}));
    }

    /**
     * Binds a scalar converted to the declared type of a generated kernel's parameter.
     *
     * @throws IllegalArgumentException when the value is not a number (or a Boolean for bool)
     */
    void setScalar(int index, Object value, ScalarType type) {
        Number number = value instanceof Boolean b ? (b ? 1 : 0) : asNumber(index, value);
        switch (type) {
            case BOOL -> set(index, Sizeof.cl_uchar, Pointer.to(new byte[] {(byte) (number.longValue() != 0 ? 1 : 0)}));
            case INT32 -> set(index, Sizeof.cl_int, Pointer.to(new int[] {number.intValue()}));
            case INT64 -> setLong(index, number.longValue());
            case FLOAT32 -> set(index, Sizeof.cl_float, Pointer.to(new float[] {number.floatValue()}));
            case FLOAT64 -> set(index, Sizeof.cl_double, Pointer.to(new double[] {number.doubleValue()}));
            default -> throw new IllegalArgumentException("argument " + (index + 1) + " of kernel '" + name
                    + "' has type " + type + ", which kernels cannot take as a scalar");
        }
    }

    /**
     * Binds a raw-kernel argument by its Java type: a buffer, a boxed {@code Float}, {@code Double},
     * {@code Integer}, {@code Long}, {@code Short} or {@code Byte}, or {@link LocalMemory}.
     */
    void setRaw(int index, Object value) {
        if (value instanceof DeviceBuffer b) {
            setBuffer(index, b);
        } else if (value instanceof LocalMemory local) {
            set(index, local.bytes(), null);
        } else if (value instanceof Float f) {
            set(index, Sizeof.cl_float, Pointer.to(new float[] {f}));
        } else if (value instanceof Double d) {
            set(index, Sizeof.cl_double, Pointer.to(new double[] {d}));
        } else if (value instanceof Integer i) {
            set(index, Sizeof.cl_int, Pointer.to(new int[] {i}));
        } else if (value instanceof Long l) {
            setLong(index, l);
        } else if (value instanceof Short s) {
            set(index, Sizeof.cl_short, Pointer.to(new short[] {s}));
        } else if (value instanceof Byte b) {
            set(index, Sizeof.cl_char, Pointer.to(new byte[] {b}));
        } else {
            throw new IllegalArgumentException("argument " + (index + 1) + " of kernel '" + name
                    + "' must be a buffer, a boxed number or LocalMemory, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private Number asNumber(int index, Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("argument " + (index + 1) + " of kernel '" + name
                + "' must be a number, got " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private void set(int index, long size, Pointer value) {
        int code = clSetKernelArg(kernel, index, size, value);
        if (code == CL_INVALID_ARG_INDEX) {
            throw new IllegalArgumentException("kernel '" + name + "' has no argument " + (index + 1));
        }
        if (code != CL_SUCCESS) {
            throw Cl.failure("clSetKernelArg", code, "argument " + (index + 1) + " of kernel '" + name + "' ("
                    + size + " bytes)", -1);
        }
    }

    /** Releases the kernel object; later calls do nothing. */
    void release() {
        if (!released) {
            released = true;
            clReleaseKernel(kernel);
        }
    }
}
