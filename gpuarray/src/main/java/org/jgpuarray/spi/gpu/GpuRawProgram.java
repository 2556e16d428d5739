package org.jgpuarray.spi.gpu;

import java.util.Arrays;
import java.util.Objects;
import org.jgpuarray.device.LocalMemory;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.spi.RawFunction;
import org.jgpuarray.spi.RawProgram;

/**
 * A program of hand-written CUDA or OpenCL source: its kernels launched with explicit sizes, checked
 * against the device's limits before the launch. On CUDA a {@link LocalMemory} argument is not a parameter
 * but dynamic shared memory ({@code extern __shared__}), so its bytes are added to the launch's shared size;
 * OpenCL has no dynamic shared size besides its {@link LocalMemory} arguments.
 * The program itself belongs to the device's cache; releasing this handle only ends its use.
 */
final class GpuRawProgram implements RawProgram {
    private final GpuDevice device;
    private final String name;
    private final GpuProgram program;
    private volatile boolean released;

    GpuRawProgram(GpuDevice device, String name, GpuProgram program) {
        this.device = device;
        this.name = name;
        this.program = program;
    }

    @Override
    public RawFunction function(String kernel) {
        Objects.requireNonNull(kernel, "kernel name");
        if (released) {
            throw new IllegalStateException("program '" + name + "' was released");
        }
        GpuKernel k = device.run(() -> program.kernel(kernel)).orElseThrow(() -> new IllegalArgumentException(
                "program '" + name + "' defines no kernel named '" + kernel + "'"
                        + (device.dialect() == Dialect.CUDA ? " (is it declared __global__?)" : "")));
        return new Function(k);
    }

    @Override
    public void release() {
        released = true;
    }

    private final class Function implements RawFunction {
        private final GpuKernel kernel;

        Function(GpuKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public void launch(long[] grid, long[] block, long sharedBytes, Object[] args) {
            if (released) {
                throw new IllegalStateException("program '" + name + "' was released");
            }
            if (grid.length < 1 || grid.length > 3 || grid.length != block.length) {
                throw new IllegalArgumentException("kernel '" + name() + "' needs 1 to 3 grid and block dimensions, as"
                        + " many of each; got " + grid.length + " and " + block.length);
            }
            if (sharedBytes < 0) {
                throw new IllegalArgumentException("kernel '" + name() + "': negative shared memory size " + sharedBytes);
            }
            long[] g = pad(grid);
            long[] b = pad(block);
            if (device.dialect() != Dialect.CUDA) {
                if (sharedBytes != 0) {
                    throw new IllegalArgumentException("kernel '" + name() + "': " + device.dialect() + " kernels have"
                            + " no dynamic shared memory size; pass LocalMemory arguments for __local buffers");
                }
                // LocalMemory arguments count against the device's local memory: PoCL aborts the process on more
                device.limits().check(name(), g, b, localBytes(args), kernel);
                device.run(() -> device.launch(kernel, g, b, 0, args));
                return;
            }
            long shared = sharedBytes + localBytes(args);
            Object[] params = Arrays.stream(args).filter(a -> !(a instanceof LocalMemory)).toArray();
            device.limits().check(name(), g, b, shared, kernel);
            device.run(() -> device.launch(kernel, g, b, shared, params));
        }

        @Override
        public String name() {
            return kernel.name();
        }
    }

    /**
     * The bytes of the LocalMemory arguments (CUDA gets them as dynamic shared memory, OpenCL as __local
     * parameters), saturating at Long.MAX_VALUE so that a sum past it fails the limit check, not addExact.
     */
    private static long localBytes(Object[] args) {
        long bytes = 0;
        for (Object a : args) {
            if (a instanceof LocalMemory local) {
                bytes = bytes > Long.MAX_VALUE - local.bytes() ? Long.MAX_VALUE : bytes + local.bytes();
            }
        }
        return bytes;
    }

    private static long[] pad(long[] sizes) {
        long[] three = {1, 1, 1};
        System.arraycopy(sizes, 0, three, 0, sizes.length);
        return three;
    }
}
