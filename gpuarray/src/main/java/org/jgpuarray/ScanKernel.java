package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Objects;
import org.jgpuarray.kernels.Identifiers;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.spi.CompiledScan;

/**
 * An inclusive or exclusive scan (prefix "sum" with any associative operator), PyCUDA's
 * {@code InclusiveScanKernel} / {@code ExclusiveScanKernel}. Made by
 * {@link GpuContext#inclusiveScanKernel} or {@link GpuContext#exclusiveScanKernel}.
 */
public final class ScanKernel {
    private final GpuContext context;
    private final ScanSpec spec;
    private final CompiledScan compiled;

    ScanKernel(GpuContext context, ScanSpec spec) {
        this.context = context;
        this.spec = spec;
        this.compiled = context.compiled(spec);
    }

    static ScanSpec spec(DType dtype, String scanExpr, String neutral, boolean inclusive, String preamble) {
        Objects.requireNonNull(dtype, "dtype");
        String name = Identifiers.derived((inclusive ? "scan_inclusive_" : "scan_exclusive_") + dtype.numpyName(),
                String.valueOf(scanExpr), String.valueOf(neutral), preamble);
        return new ScanSpec(name, dtype.scalarType(), scanExpr, neutral, inclusive, preamble);
    }

    /** Scans {@code in} (not modified; any layout) into a new array of the same shape, in flat C order. */
    public GPUArray call(GPUArray in) {
        GPUArray out = context.emptyLike(check(in, "input"));
        return call(in, out);
    }

    /**
     * Scans {@code in} into {@code out} (modified; may be {@code in} itself), both in C order whatever their
     * layout; returns {@code out}.
     *
     * @throws IllegalArgumentException when a dtype or the sizes differ
     */
    public GPUArray call(GPUArray in, GPUArray out) {
        check(in, "input");
        check(out, "output");
        if (in.size() != out.size()) {
            throw new IllegalArgumentException("scan '" + spec.name() + "': input has shape "
                    + Shapes.format(in.shape()) + ", output " + Shapes.format(out.shape()) + "; their sizes differ");
        }
        if (in.size() == 0) {
            return out;
        }
        try (GPUArray source = in.flatOrCopy()) {
            if (out.isFlat()) {
                compiled.launch(in.size(), source.buffer(), out.buffer());
            } else {
                try (GPUArray scanned = context.empty(out.dtype(), out.shape())) {
                    compiled.launch(in.size(), source.buffer(), scanned.buffer());
                    out.assign(scanned);
                }
            }
        }
        Reference.reachabilityFence(in); // the launch took its buffer
        return out;
    }

    /** The kernel's name, as given or derived from its expressions. */
    public String name() {
        return spec.name();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec.name() + ", " + context.backendName() + "]";
    }

    private GPUArray check(GPUArray array, String what) {
        context.ensureOpen();
        Objects.requireNonNull(array, what).ensureOpen();
        if (array.context() != context) {
            throw new IllegalArgumentException("scan '" + spec.name() + "': " + what + " belongs to another context");
        }
        if (array.dtype() != DType.of(spec.type())) {
            throw new IllegalArgumentException("scan '" + spec.name() + "' works on " + spec.type().numpyName()
                    + ", but the " + what + " is " + array.dtype().numpyName());
        }
        return array;
    }
}
