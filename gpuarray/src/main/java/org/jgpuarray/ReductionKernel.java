package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Identifiers;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.device.KernelCompilationException;

/**
 * A map-reduce kernel, PyCUDA's {@code ReductionKernel}: maps each element with a C expression and
 * combines the values with an associative, commutative C expression in {@code a} and {@code b},
 * starting from a neutral value. Made by {@link GpuContext#reductionKernel} or its builder.
 */
public final class ReductionKernel {
    private final GpuContext context;
    private final ReductionSpec spec;
    private final CompiledReduction compiled;
    private final Map<List<Integer>, ReductionSpec> alongAxes = new ConcurrentHashMap<>();

    ReductionKernel(GpuContext context, ReductionSpec spec) {
        this.context = context;
        this.spec = spec;
        this.compiled = context.compiled(spec);
    }

    /**
     * Reduces over the elements of the first array argument; every array must hold at least as many. Views
     * are read in C order (through contiguous copies).
     *
     * @param args one value per parameter, as for {@link ElementwiseKernel#call}; not modified
     * @return a 0-d array of the output dtype (the neutral value when the input is empty)
     */
    public GPUArray call(Object... args) {
        KernelArguments.Checked c = KernelArguments.check(context, spec.name(), spec.arguments(), args);
        GPUArray result = run(c.firstSize(), c);
        Reference.reachabilityFence(args); // and so the arrays in it, whose buffers the launch took
        return result;
    }

    /**
     * {@link #call(Object...)} enqueued in {@code stream}, as inside {@code stream.use()}: the result is
     * complete once that stream has passed the reduction.
     *
     * @param stream a stream of the arrays' context; not modified
     * @param args   as for {@link #call(Object...)}; not modified
     * @throws IllegalArgumentException when the stream belongs to another context than the kernel
     * @throws IllegalStateException    when the stream is closed
     */
    public GPUArray callOn(GpuStream stream, Object... args) {
        if (stream.context() != context) {
            throw new IllegalArgumentException("kernel '" + name() + "' belongs to " + context + ", the stream to "
                    + stream.context());
        }
        try (GpuStream.Scope on = stream.use()) {
            return call(args);
        }
    }

    /** Reduces over {@code i} in {@code [0, n)}; see {@link #call(Object...)}. */
    public GPUArray launch(long n, Object... args) {
        if (n < 0) {
            throw new IllegalArgumentException("element count must be >= 0, got " + n);
        }
        GPUArray result = run(n, KernelArguments.check(context, spec.name(), spec.arguments(), args));
        Reference.reachabilityFence(args);
        return result;
    }

    private GPUArray run(long n, KernelArguments.Checked c) {
        c.requireSizes(n);
        GPUArray[] flat = new GPUArray[c.arrays().length];
        try {
            for (int k = 0; k < flat.length; k++) {
                if (c.arrays()[k] != null && !c.arrays()[k].isFlat()) {
                    flat[k] = c.arrays()[k].copy();
                }
            }
            GPUArray out = context.empty(DType.of(spec.outputType()));
            compiled.launch(n, c.values(flat), out.buffer());
            return out;
        } finally {
            for (GPUArray f : flat) {
                if (f != null) {
                    f.close();
                }
            }
        }
    }

    /**
     * Reduces along axes, as CuPy's {@code ReductionKernel} with {@code axis} and {@code keepdims}: the array
     * arguments are broadcast to one shape by NumPy's rules, and the map expression is reduced over the positions
     * of the reduced axes into one result per position of the others. In the map expression each array is the
     * element at the current position, {@code x[i]}; {@code i} counts the reduced positions of the current result
     * in C order from 0 and {@code n} is their number (so a reduction over one axis sees {@code i} as the index
     * along it). Views are read in place.
     *
     * @param axes     the axes to reduce (negative counts from the end); none means every axis
     * @param keepdims whether the reduced axes stay in the result with extent 1
     * @param args     one value per parameter, as for {@link #call}; not modified
     * @return a new array of the output dtype and the shape left by the reduction; the neutral value where the
     *         reduced axes are empty
     * @throws IllegalArgumentException for arrays that do not broadcast, an axis out of range or repeated (naming
     *                                  it and the shape), or a map expression that uses an array other than as
     *                                  {@code x[i]}
     */
    public GPUArray callAlong(int[] axes, boolean keepdims, Object... args) {
        Along along = along(axes, keepdims, args);
        GPUArray result = AxisReductions.run(along.spec(), along.layout(), context, along.values());
        Reference.reachabilityFence(args);
        return result;
    }

    /**
     * {@link #callAlong(int[], boolean, Object...)} into {@code out} (CuPy's {@code out=}): an array of the
     * result's shape and the output dtype, modified; returned.
     *
     * @throws IllegalArgumentException as {@link #callAlong(int[], boolean, Object...)} does, and when out has
     *                                  another shape or dtype than the result, or is a broadcast view
     */
    public GPUArray callAlong(GPUArray out, int[] axes, boolean keepdims, Object... args) {
        Objects.requireNonNull(out, "out").ensureOpen();
        Along along = along(axes, keepdims, args);
        GPUArray result = AxisReductions.runInto(along.spec(), along.layout(), context, along.values(), out);
        Reference.reachabilityFence(args);
        return result;
    }

    /** A call along axes, checked and laid out. */
    private record Along(ReductionSpec spec, SegmentLayout layout, Object[] values) {
    }

    private Along along(int[] axes, boolean keepdims, Object[] args) {
        Objects.requireNonNull(axes, "axes");
        KernelArguments.Checked c = KernelArguments.check(context, spec.name(), spec.arguments(), args);
        List<GPUArray> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < c.arrays().length; k++) {
            GPUArray a = c.arrays()[k];
            if (a != null) {
                String name = spec.arguments().get(k).name();
                if (!SnippetUses.onlyCurrentElement(spec.mapExpression(), spec.preamble(), name)) {
                    throw new IllegalArgumentException("reduction kernel '" + spec.name() + "' reduces along axes only"
                            + " when its map expression reads each array as " + name + "[i]; it uses '" + name
                            + "' otherwise (or its preamble names it)");
                }
                arrays.add(a);
                names.add(name);
            }
        }
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("reduction kernel '" + spec.name() + "' has no array argument to reduce"
                    + " along axes");
        }
        long[] shape = Geometry.broadcast(arrays.stream().map(GPUArray::shape).toArray(long[][]::new));
        ReducedAxes r = ReducedAxes.of("reduction kernel '" + spec.name() + "'", shape, axes, keepdims);
        SegmentLayout layout = AxisReductions.layout(r, arrays, true);
        ReductionSpec segmented = alongAxes.computeIfAbsent(List.of(layout.outerDims(), layout.innerDims()),
                k -> AxisSpecs.segment(spec, layout.outerDims(), layout.innerDims(), names));
        return new Along(segmented, layout, c.values());
    }

    /** The kernel's name, as given or derived from its expressions. */
    public String name() {
        return spec.name();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec.name() + ", " + context.backendName() + "]";
    }

    /** Builds a reduction kernel with an optional preamble and name. */
    public static final class Builder {
        private final GpuContext context;
        private final DType outputType;
        private final String neutral;
        private final String reduceExpr;
        private final String mapExpr;
        private final String arguments;
        private String preamble = "";
        private String name;

        Builder(GpuContext context, DType outputType, String neutral, String reduceExpr, String mapExpr,
                String arguments) {
            this.context = context;
            this.outputType = Objects.requireNonNull(outputType, "output dtype");
            this.neutral = neutral;
            this.reduceExpr = reduceExpr;
            this.mapExpr = mapExpr;
            this.arguments = Objects.requireNonNull(arguments, "arguments");
        }

        /** Helper functions and macros placed before the kernel. */
        public Builder preamble(String code) {
            this.preamble = Objects.requireNonNull(code, "preamble");
            return this;
        }

        /** The kernel's name (default: {@code reduce_} and a hash of the expressions). */
        public Builder name(String kernelName) {
            this.name = Objects.requireNonNull(kernelName, "name");
            return this;
        }

        /**
         * Compiles the kernel.
         *
         * @throws IllegalArgumentException   for a malformed argument list, unknown type or empty expression
         * @throws KernelCompilationException when the code does not compile
         */
        public ReductionKernel build() {
            context.ensureOpen();
            ArgumentList args = ArgumentList.parse(arguments);
            String kernelName = name != null ? name : Identifiers.derived("reduce", outputType.numpyName(),
                    String.valueOf(neutral), String.valueOf(reduceExpr), String.valueOf(mapExpr), args.declaration(),
                    preamble);
            return new ReductionKernel(context, new ReductionSpec(kernelName, outputType.scalarType(), neutral,
                    reduceExpr, mapExpr, args, preamble));
        }
    }
}
