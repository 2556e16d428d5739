package org.jgpuarray;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.spi.RawProgram;

/**
 * A program compiled from CUDA C++ or OpenCL C written by hand, PyCUDA's {@code SourceModule}:
 * get kernels with {@link #function(String)} and launch them with explicit grid and block sizes.
 * Close it to free the program; it is also freed with its context.
 */
public final class SourceModule implements AutoCloseable {
    private static final Pattern FIRST_KERNEL = Pattern.compile("(?:__global__|__kernel|\\bkernel)\\s+"
            + "(?:__launch_bounds__\\s*\\([^)]*\\)\\s*|__attribute__\\s*\\(\\(.*?\\)\\)\\s*)?void\\s+"
            + "(?:__launch_bounds__\\s*\\([^)]*\\)\\s*)?([A-Za-z_][A-Za-z_0-9]*)", Pattern.DOTALL);

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

    /** The name of a program in messages: its first kernel's name. */
    static String nameOf(String source) {
        Matcher m = FIRST_KERNEL.matcher(source);
        return m.find() ? m.group(1) : "source_module";
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
