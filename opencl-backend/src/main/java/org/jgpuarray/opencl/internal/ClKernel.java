package org.jgpuarray.opencl.internal;

import static org.jocl.CL.CL_INVALID_ARG_INDEX;
import static org.jocl.CL.CL_INVALID_KERNEL_NAME;
import static org.jocl.CL.CL_KERNEL_NUM_ARGS;
import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_SUCCESS;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clGetKernelInfo;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clSetKernelArg;

import java.util.Optional;
import org.jgpuarray.device.LocalMemory;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.gpu.GpuKernel;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One {@code cl_kernel} of a built program. Arguments are state of the kernel object, so they are set and
 * the kernel enqueued in one go, under the device's lock. An argument equal to the one the kernel already
 * holds (the same buffer object, an equal scalar of the same type) is not set again: each
 * {@code clSetKernelArg} costs a JNI call, and a cached kernel called again on the same arrays sets none.
 */
final class ClKernel implements GpuKernel {
    private final cl_kernel kernel;
    private final String name;
    private final ClMemory memory;
    private final ClQueue queue;
    private final int argumentCount;
    private final int maxBlockSize;
    /** Per argument: the buffer or boxed scalar the kernel holds now, or null when unknown (local memory). */
    private final Object[] current;
    private final long[][] ranges = new long[4][];
    private boolean released;

    private ClKernel(cl_kernel kernel, String name, ClDeviceHandle device, ClMemory memory, ClQueue queue) {
        this.kernel = kernel;
        this.name = name;
        this.memory = memory;
        this.queue = queue;
        int[] count = new int[1];
        Cl.check("clGetKernelInfo", clGetKernelInfo(kernel, CL_KERNEL_NUM_ARGS, Sizeof.cl_uint, Pointer.to(count),
                null), name);
        this.argumentCount = count[0];
        long[] size = new long[1];
        Cl.check("clGetKernelWorkGroupInfo", clGetKernelWorkGroupInfo(kernel, device.device(),
                CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size), null), name);
        this.maxBlockSize = (int) Math.max(1, Math.min(Integer.MAX_VALUE, size[0]));
        this.current = new Object[argumentCount];
    }

    /** The kernel of that name in {@code program}, or empty when the program defines none. */
    static Optional<ClKernel> create(cl_program program, String name, ClDeviceHandle device, ClMemory memory,
                                     ClQueue queue) {
        int[] err = new int[1];
        cl_kernel kernel = clCreateKernel(program, name, err);
        if (err[0] == CL_INVALID_KERNEL_NAME) {
            return Optional.empty();
        }
        Cl.check("clCreateKernel", err[0], name);
        return Optional.of(new ClKernel(kernel, name, device, memory, queue));
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code CL_KERNEL_WORK_GROUP_SIZE} on the device: the largest work-group this kernel can run. */
    @Override
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /** Sets every argument, then enqueues global size grid * block in groups of block. */
    @Override
    public void launch(long[] grid, long[] block, long sharedBytes, Object[] args) {
        if (args.length != argumentCount) {
            throw new IllegalArgumentException("kernel '" + name + "' takes " + argumentCount + " arguments, got "
                    + args.length);
        }
        for (int k = 0; k < args.length; k++) {
            set(k, args[k]);
        }
        int dims = block[2] > 1 || grid[2] > 1 ? 3 : block[1] > 1 || grid[1] > 1 ? 2 : 1;
        long[] global = range(dims, 0);
        long[] local = range(dims, 2);
        for (int d = 0; d < dims; d++) {
            global[d] = Math.multiplyExact(grid[d], block[d]);
            local[d] = block[d];
        }
        queue.run(kernel, name, global, local);
    }

    /**
     * The work size array of {@code dims} entries at {@code slot} (0: global, 2: local), reused from launch to
     * launch: launches run one at a time under the device's lock, and the driver copies the sizes.
     */
    private long[] range(int dims, int slot) {
        int at = slot + (dims == 1 ? 0 : 1);
        long[] r = ranges[at];
        if (r == null || r.length != dims) {
            r = new long[dims];
            ranges[at] = r;
        }
        return r;
    }

    /**
     * Binds one argument by its Java type: a buffer of this device, a boxed {@code Float}, {@code Double},
     * {@code Integer}, {@code Long}, {@code Short} or {@code Byte}, or {@link LocalMemory}; skips the call when
     * the kernel holds that value already.
     */
    private void set(int index, Object value) {
        if (value instanceof DeviceBuffer b) {
            ClBuffer buffer = memory.own(b);
            cl_mem mem = buffer.mem(); // throws for a released buffer, before the kernel could see it
            if (current[index] != buffer) {
                set(index, Sizeof.cl_mem, Pointer.to(mem));
                current[index] = buffer;
            }
            return;
        }
        if (value instanceof LocalMemory local) {
            set(index, local.bytes(), null);
            current[index] = null;
            return;
        }
        if (value != null && value.equals(current[index])) {
            return; // an equal boxed number of the same class: the same C value
        }
        setScalar(index, value);
        current[index] = value;
    }

    private void setScalar(int index, Object value) {
        if (value instanceof Float f) {
            set(index, Sizeof.cl_float, Pointer.to(new float[] {f}));
        } else if (value instanceof Double d) {
            set(index, Sizeof.cl_double, Pointer.to(new double[] {d}));
        } else if (value instanceof Integer i) {
            set(index, Sizeof.cl_int, Pointer.to(new int[] {i}));
        } else if (value instanceof Long l) {
            set(index, Sizeof.cl_long, Pointer.to(new long[] {l}));
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

    private void set(int index, long size, Pointer value) {
        int code = clSetKernelArg(kernel, index, size, value);
        if (code != CL_SUCCESS) {
            current[index] = null; // what the kernel holds after a failed call is not known
        }
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
