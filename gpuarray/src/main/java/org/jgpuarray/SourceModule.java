package org.jgpuarray;

import java.util.Objects;
import org.jgpuarray.spi.RawProgram;

/**
 * A program compiled from CUDA C++ or OpenCL C written by hand, PyCUDA's {@code SourceModule}:
 * get kernels with {@link #function(String)} and launch them with explicit grid and block sizes.
 * Close it to free the program; it is also freed with its context.
 */
public final class SourceModule implements AutoCloseable {
    private final GpuContext context;
    private final RawProgram program;
    private boolean closed;

    SourceModule(GpuContext context, RawProgram program) {
        this.context = context;
        this.program = program;
    }

    /**
     * The kernel of that name.
     *
     * @throws IllegalArgumentException when the program defines no such kernel
     */
    public RawKernel function(String name) {
        ensureOpen();
        return new RawKernel(this, program.function(Objects.requireNonNull(name, "name")));
    }

    GpuContext context() {
        return context;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this SourceModule is closed");
        }
        context.ensureOpen();
    }

    /** Frees the program. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!context.isClosed()) {
                program.release();
            }
        }
    }
}
