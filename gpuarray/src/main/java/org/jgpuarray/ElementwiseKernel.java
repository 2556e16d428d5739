package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Objects;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.device.KernelCompilationException;

/**
 * A kernel that runs a C snippet once per element, compiled for its context's device; PyCUDA's
 * {@code ElementwiseKernel}. Made by {@link GpuContext#elementwiseKernel} or its builder. The same
 * snippet runs on CUDA, OpenCL and the CPU backend.
 */
public final class ElementwiseKernel {
    private final GpuContext context;
    private final ElementwiseSpec spec;
    private final ElementwiseCall calls;

    ElementwiseKernel(GpuContext context, ElementwiseSpec spec) {
        this.context = context;
        this.spec = spec;
        this.calls = new ElementwiseCall(context, spec);
    }

    /**
     * Runs the kernel for every element {@code i} of the arrays' shape: arrays of different shapes broadcast
     * by NumPy's rules, and views (slices, transposes) are accepted, read and written in place. Contiguous
     * arrays whose shapes do not broadcast run PyCUDA's way, over the size of the first array (the others
     * must hold at least as many elements).
     *
     * @param args one value per parameter, in order: a {@link GPUArray} of the declared dtype for each
     *             pointer, a Java number for each scalar (arrays are modified as the snippet says)
     * @throws IllegalArgumentException for a wrong count, kind or dtype of argument, naming it; for shapes that
     *                                  do not broadcast; for a write into a broadcast view
     */
    public void call(Object... args) {
        calls.call(args);
        Reference.reachabilityFence(args); // and so the arrays in it, whose buffers the launch took
    }

    /**
     * Runs the kernel for {@code i} in {@code [0, n)}, each array read as a sequence in C order; see
     * {@link #call(Object...)}.
     *
     * @throws IllegalArgumentException also when n is negative or an array holds fewer than n elements
     */
    public void launch(long n, Object... args) {
        if (n < 0) {
            throw new IllegalArgumentException("element count must be >= 0, got " + n);
        }
        calls.launch(n, args);
        Reference.reachabilityFence(args);
    }

    /**
     * {@link #call(Object...)} enqueued in {@code stream}: the same as calling it inside
     * {@code stream.use()}.
     *
     * @param stream a stream of the arrays' context; not modified
     * @param args   as for {@link #call(Object...)}
     * @throws IllegalArgumentException when the stream belongs to another context than the kernel
     * @throws IllegalStateException    when the stream is closed
     */
    public void callOn(GpuStream stream, Object... args) {
        if (stream.context() != context) {
            throw new IllegalArgumentException("kernel '" + name() + "' belongs to " + context + ", the stream to "
                    + stream.context());
        }
        try (GpuStream.Scope on = stream.use()) {
            call(args);
        }
    }

    /** The kernel's name, as given or derived from its expressions. */
    public String name() {
        return spec.name();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec.name() + ", " + context.backendName() + "]";
    }

    /** Builds an elementwise kernel with optional preamble, loop preparation and after-loop code. */
    public static final class Builder {
        private final GpuContext context;
        private final String arguments;
        private final String operation;
        private final String name;
        private String preamble = "";
        private String loopPrep = "";
        private String afterLoop = "";

        Builder(GpuContext context, String arguments, String operation, String name) {
            this.context = context;
            this.arguments = Objects.requireNonNull(arguments, "arguments");
            this.operation = Objects.requireNonNull(operation, "operation");
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Helper functions and macros placed before the kernel. */
        public Builder preamble(String code) {
            this.preamble = Objects.requireNonNull(code, "preamble");
            return this;
        }

        /** Statements each worker runs before its loop over elements. */
        public Builder loopPrep(String code) {
            this.loopPrep = Objects.requireNonNull(code, "loopPrep");
            return this;
        }

        /** Statements each worker runs after its loop over elements. */
        public Builder afterLoop(String code) {
            this.afterLoop = Objects.requireNonNull(code, "afterLoop");
            return this;
        }

        /**
         * Compiles the kernel.
         *
         * @throws IllegalArgumentException   for a malformed argument list, unknown type or bad name
         * @throws KernelCompilationException when the code does not compile
         */
        public ElementwiseKernel build() {
            context.ensureOpen();
            ElementwiseSpec spec = new ElementwiseSpec(name, ArgumentList.parse(arguments), operation, preamble,
                    loopPrep, afterLoop);
            return new ElementwiseKernel(context, spec);
        }
    }
}
