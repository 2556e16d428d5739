package org.jgpuarray.opencl.internal;

import static org.jocl.CL.clReleaseProgram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jgpuarray.spi.RawFunction;
import org.jgpuarray.spi.RawProgram;
import org.jocl.cl_program;

/**
 * A program built from hand-written OpenCL C, PyOpenCL's {@code cl.Program(ctx, src).build()}. Holds
 * its own reference to the (cached) program and the kernels taken from it.
 */
final class ClRawProgram implements RawProgram {
    private final cl_program program;
    private final ClMemory memory;
    private final ClQueue queue;
    private final Map<String, ClKernel> kernels = new LinkedHashMap<>();
    private final Runnable onRelease;
    private boolean released;

    ClRawProgram(cl_program program, ClMemory memory, ClQueue queue, Runnable onRelease) {
        this.program = program;
        this.memory = memory;
        this.queue = queue;
        this.onRelease = onRelease;
    }

    @Override
    public RawFunction function(String name) {
        Objects.requireNonNull(name, "name");
        if (released) {
            throw new IllegalStateException("this OpenCL program was released");
        }
        ClKernel kernel = kernels.computeIfAbsent(name, k -> new ClKernel(program, k, memory));
        return new ClRawFunction(kernel, queue);
    }

    @Override
    public void release() {
        if (!released) {
            released = true;
            kernels.values().forEach(ClKernel::release);
            kernels.clear();
            clReleaseProgram(program);
            onRelease.run();
        }
    }

    /** One kernel launched with explicit sizes: global = grid * block per dimension, local = block. */
    private record ClRawFunction(ClKernel kernel, ClQueue queue) implements RawFunction {
        @Override
        public void launch(long[] grid, long[] block, Object[] args) {
            if (grid.length < 1 || grid.length > 3 || grid.length != block.length) {
                throw new IllegalArgumentException("kernel '" + name() + "' needs 1 to 3 grid and block dimensions,"
                        + " as many of each; got " + grid.length + " and " + block.length);
            }
            if (args.length != kernel.argumentCount()) {
                throw new IllegalArgumentException("kernel '" + name() + "' takes " + kernel.argumentCount()
                        + " arguments, got " + args.length);
            }
            long[] global = new long[grid.length];
            for (int d = 0; d < grid.length; d++) {
                global[d] = Math.multiplyExact(grid[d], block[d]);
            }
            for (int k = 0; k < args.length; k++) {
                kernel.setRaw(k, args[k]);
            }
            queue.run(kernel.handle(), kernel.name(), global, block.clone());
        }

        @Override
        public String name() {
            return kernel.name();
        }
    }
}
