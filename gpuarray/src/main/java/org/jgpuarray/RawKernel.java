package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Objects;
import org.jgpuarray.device.LocalMemory;
import org.jgpuarray.spi.RawFunction;

/**
 * One kernel of a {@link SourceModule}. Arguments are bound by their Java type: a {@link GPUArray}
 * passes its device pointer, {@code Float}/{@code Double}/{@code Integer}/{@code Long}/{@code Short}/
 * {@code Byte} pass that C type, {@link LocalMemory} reserves OpenCL local memory (on CUDA it adds to the
 * launch's dynamic shared memory). Launches check their sizes against the device's limits first: a size
 * the device cannot run is an {@link IllegalArgumentException}, never a driver error.
 */
public final class RawKernel {
    private final SourceModule module;
    private final RawFunction function;

    RawKernel(SourceModule module, RawFunction function) {
        this.module = module;
        this.function = function;
    }

    /**
     * Launches CUDA-style: {@code grid} blocks of {@code block} threads (OpenCL: global size
     * {@code grid * block}, local size {@code block}), PyCUDA's {@code func(args, block=..., grid=...)}.
     *
     * @param grid  blocks per dimension, 1 to 3 entries
     * @param block threads per block, as many entries as grid
     * @throws IllegalArgumentException for sizes beyond the device's limits, or arguments it cannot pass
     */
    public void launch(long[] grid, long[] block, Object... args) {
        module.ensureOpen();
        checkDimensions(Objects.requireNonNull(grid, "grid"), Objects.requireNonNull(block, "block"));
        launch(LaunchConfig.of(grid, block), args);
    }

    /**
     * Launches with a full configuration: grid, block and dynamic shared memory, PyCUDA's
     * {@code func(args, block=..., grid=..., shared=...)}.
     *
     * @throws IllegalArgumentException for sizes beyond the device's limits (shared memory included), dynamic
     *                                  shared memory on OpenCL, or arguments it cannot pass
     */
    public void launch(LaunchConfig config, Object... args) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(args, "args");
        module.ensureOpen();
        function.launch(config.grid(), config.block(), config.sharedBytes(), bind(args));
        Reference.reachabilityFence(args); // and so the arrays in it, whose buffers the launch took
    }

    /**
     * Launches OpenCL-style, PyOpenCL's {@code kernel(queue, global_size, local_size, *args)}: each
     * global size must be a multiple of the local size.
     */
    public void launchGlobal(long[] globalSize, long[] localSize, Object... args) {
        module.ensureOpen();
        checkDimensions(Objects.requireNonNull(globalSize, "globalSize"), Objects.requireNonNull(localSize, "localSize"));
        long[] grid = new long[globalSize.length];
        for (int d = 0; d < grid.length; d++) {
            if (globalSize[d] % localSize[d] != 0) {
                throw new IllegalArgumentException("global size " + globalSize[d] + " is not a multiple of local size "
                        + localSize[d] + " in dimension " + d);
            }
            grid[d] = globalSize[d] / localSize[d];
        }
        launch(grid, localSize, args);
    }

    /** The kernel's name. */
    public String name() {
        return function.name();
    }

    private Object[] bind(Object[] args) {
        Object[] bound = new Object[args.length];
        for (int k = 0; k < args.length; k++) {
            Object a = args[k];
            if (a instanceof GPUArray g) {
                g.ensureOpen();
                if (g.context() != module.context()) {
                    throw new IllegalArgumentException("argument " + (k + 1) + " of kernel '" + name()
                            + "' belongs to another context");
                }
                if (!g.isFlat()) {
                    throw new IllegalArgumentException("argument " + (k + 1) + " of kernel '" + name() + "' is a view"
                            + " (shape " + Shapes.format(g.shape()) + ", strides " + java.util.Arrays.toString(g.strides())
                            + "); raw kernels take contiguous arrays from their start: pass a copy()");
                }
                bound[k] = g.buffer();
            } else if (a instanceof Float || a instanceof Double || a instanceof Integer || a instanceof Long
                    || a instanceof Short || a instanceof Byte || a instanceof LocalMemory) {
                bound[k] = a;
            } else {
                throw new IllegalArgumentException("argument " + (k + 1) + " of kernel '" + name()
                        + "' must be a GPUArray, a boxed number or LocalMemory, got "
                        + (a == null ? "null" : a.getClass().getSimpleName()));
            }
        }
        return bound;
    }

    private void checkDimensions(long[] grid, long[] block) {
        if (grid.length < 1 || grid.length > 3 || grid.length != block.length) {
            throw new IllegalArgumentException("kernel '" + name() + "': grid and block need 1 to 3 dimensions each,"
                    + " the same number; got " + grid.length + " and " + block.length);
        }
        for (int d = 0; d < grid.length; d++) {
            if (grid[d] < 1 || block[d] < 1) {
                throw new IllegalArgumentException("kernel '" + name() + "': sizes must be positive, got grid "
                        + java.util.Arrays.toString(grid) + ", block " + java.util.Arrays.toString(block));
            }
        }
    }
}
