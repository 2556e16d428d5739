package org.jgpuarray.spi.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jgpuarray.device.LocalMemory;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.spi.RawFunction;
import org.jgpuarray.spi.RawProgram;

/**
 * A program of hand-written CUDA or OpenCL source: its kernels launched with explicit sizes, checked
 * against the device's limits before the launch. On CUDA a {@link LocalMemory} argument is not a parameter
 * but dynamic shared memory ({@code extern __shared__}), so its bytes are added to the launch's shared size.
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
        public void launch(long[] grid, long[] block, Object[] args) {
            if (released) {
                throw new IllegalStateException("program '" + name + "' was released");
            }
            if (grid.length < 1 || grid.length > 3 || grid.length != block.length) {
                throw new IllegalArgumentException("kernel '" + name() + "' needs 1 to 3 grid and block dimensions, as"
                        + " many of each; got " + grid.length + " and " + block.length);
            }
            long[] g = pad(grid);
            long[] b = pad(block);
            Object[] params = args;
            long shared = 0;
            if (device.dialect() == Dialect.CUDA) {
                List<Object> kept = new ArrayList<>();
                for (Object a : args) {
                    if (a instanceof LocalMemory local) {
                        shared += local.bytes();
                    } else {
                        kept.add(a);
                    }
                }
                params = kept.toArray();
            }
            device.limits().check(name(), g, b, shared, kernel.maxBlockSize());
            Object[] launched = params;
            long sharedBytes = shared;
            device.run(() -> device.launch(kernel, g, b, sharedBytes, launched));
        }

        @Override
        public String name() {
            return kernel.name();
        }
    }

    private static long[] pad(long[] sizes) {
        long[] three = {1, 1, 1};
        System.arraycopy(sizes, 0, three, 0, sizes.length);
        return three;
    }
}
