package org.jgpuarray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.spi.CompiledElementwise;

/**
 * The calls of one user elementwise kernel. Contiguous arrays of one shape take the kernel as written.
 * Arrays of different shapes broadcast by NumPy's rules (as CuPy's elementwise kernels do), and views
 * (slices, transposes, broadcasts) run in place: the kernel is rewritten to address them through an
 * index space, when its code uses each array only as {@code x[i]}; otherwise they run through contiguous
 * copies, copied back where the code may write them. Contiguous arrays whose shapes do not broadcast keep
 * PyCUDA's rule: {@code n} is the size of the first array, and the others must hold at least as many.
 */
final class ElementwiseCall {
    private final GpuContext context;
    private final ElementwiseSpec spec;
    private final CompiledElementwise plain;
    private final FlatCall flat;
    /** Kernels over index spaces, by {@code 2 * ndim}, plus 1 for the tiled variant of a crossed layout. */
    private final Map<Integer, CompiledElementwise> strided = new ConcurrentHashMap<>();

    ElementwiseCall(GpuContext context, ElementwiseSpec spec) {
        this.context = context;
        this.spec = spec;
        this.plain = context.compiled(spec);
        this.flat = new FlatCall(context, spec.name(), spec.arguments());
    }

    /** {@code call(args...)}: over the arrays' (broadcast) shape. */
    void call(Object[] args) {
        Object[] values = flat.values(args);
        if (values != null) {
            run(flat.size(args), values);
            return;
        }
        KernelArguments.Checked c = KernelArguments.check(context, spec.name(), spec.arguments(), args);
        if (c.allFlat() && c.sameShapes()) {
            run(c.firstSize(), c.values());
            return;
        }
        long[] shape = broadcastShape(c);
        if (shape == null) {
            long n = c.firstSize();
            c.requireSizes(n);
            run(n, c.values());
            return;
        }
        if (rewritable(c)) {
            runInPlace(c, shape);
        } else {
            runThroughCopies(c, shape, Shapes.size(shape));
        }
    }

    /** {@code launch(n, args...)}: over {@code [0, n)}, each array read in C order. */
    void launch(long n, Object[] args) {
        KernelArguments.Checked c = KernelArguments.check(context, spec.name(), spec.arguments(), args);
        c.requireSizes(n);
        if (c.allFlat()) {
            run(n, c.values());
        } else {
            runThroughCopies(c, null, n);
        }
    }

    private void run(long n, Object[] values) {
        if (n > 0) {
            plain.launch(n, values);
        }
    }

    /** The broadcast shape of the arrays, or null when they do not broadcast and are all contiguous (PyCUDA's rule). */
    private static long[] broadcastShape(KernelArguments.Checked c) {
        List<long[]> shapes = new ArrayList<>();
        for (GPUArray a : c.arrays()) {
            if (a != null) {
                shapes.add(a.shape());
            }
        }
        try {
            return Geometry.broadcast(shapes.toArray(new long[0][]));
        } catch (IllegalArgumentException e) {
            if (c.allFlat()) {
                return null;
            }
            throw e;
        }
    }

    private boolean rewritable(KernelArguments.Checked c) {
        for (int k = 0; k < c.arrays().length; k++) {
            if (c.arrays()[k] != null && !SnippetUses.onlyCurrentElement(spec, spec.arguments().get(k).name())) {
                return false;
            }
        }
        return true;
    }

    /** Every array addressed through an index space over the broadcast shape. */
    private void runInPlace(KernelArguments.Checked c, long[] shape) {
        List<String> names = new ArrayList<>();
        List<long[]> strides = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (int k = 0; k < c.arrays().length; k++) {
            GPUArray a = c.arrays()[k];
            if (a != null) {
                Geometry g = a.geometry().broadcastTo(shape);
                refuseOverlappingWrite(c, k, g);
                names.add(spec.arguments().get(k).name());
                strides.add(g.strides());
                offsets.add(g.offset());
            }
        }
        long[] offsetArray = offsets.stream().mapToLong(Long::longValue).toArray();
        Layout layout = Layout.of(shape, strides.toArray(new long[0][]), offsetArray);
        long n = Shapes.size(shape);
        if (layout.ndimOrZero() == 0) {
            run(n, c.values());
            return;
        }
        boolean crossed = layout.crossed();
        CompiledElementwise kernel = strided.computeIfAbsent(2 * layout.ndimOrZero() + (crossed ? 1 : 0),
                key -> context.compiled(TiledSpecs.forLayout(addressed(key / 2, names), layout)));
        Object[] values = c.values();
        Object[] space = layout.values();
        Object[] all = java.util.Arrays.copyOf(values, values.length + space.length);
        System.arraycopy(space, 0, all, values.length, space.length);
        if (n > 0) {
            kernel.launch(n, all);
        }
    }

    /** The spec with every array addressed through an index space of {@code ndim} dimensions. */
    private ElementwiseSpec addressed(int ndim, List<String> arrays) {
        IndexSpace space = new IndexSpace(ndim, arrays);
        String operation = spec.operation();
        for (String a : arrays) {
            operation = SnippetUses.addressThroughSpace(operation, a, IndexSpace.at(a));
        }
        ArgumentList arguments = ArgumentList.parse(spec.arguments().declaration() + ", " + space.declaration());
        return new ElementwiseSpec(spec.name(), arguments, operation, spec.preamble(), spec.loopPrep(),
                spec.afterLoop(), space);
    }

    /**
     * The kernel as written over contiguous copies of the views (broadcast to {@code shape} when given), each
     * copied back into its view when the code may write it.
     */
    private void runThroughCopies(KernelArguments.Checked c, long[] shape, long n) {
        GPUArray[] copies = new GPUArray[c.arrays().length];
        try {
            for (int k = 0; k < copies.length; k++) {
                GPUArray a = c.arrays()[k];
                boolean reshaped = shape != null && !java.util.Arrays.equals(a == null ? null : a.shape(), shape);
                if (a == null || (a.isFlat() && !reshaped)) {
                    continue;
                }
                if (SnippetUses.mayWrite(spec, spec.arguments().get(k).name())) {
                    refuseOverlappingWrite(c, k, shape == null ? a.geometry() : a.geometry().broadcastTo(shape));
                }
                try (GPUArray view = shape == null ? null : a.broadcastTo(shape)) {
                    copies[k] = (view == null ? a : view).copy();
                }
            }
            run(n, c.values(copies));
            for (int k = 0; k < copies.length; k++) {
                if (copies[k] != null && SnippetUses.mayWrite(spec, spec.arguments().get(k).name())) {
                    c.arrays()[k].assign(copies[k]);
                }
            }
        } finally {
            for (GPUArray copy : copies) {
                if (copy != null) {
                    copy.close();
                }
            }
        }
    }

    private void refuseOverlappingWrite(KernelArguments.Checked c, int k, Geometry g) {
        if (g.overlaps() && SnippetUses.mayWrite(spec, spec.arguments().get(k).name())) {
            throw new IllegalArgumentException(c.what(k) + " is written but is broadcast over shape "
                    + Shapes.format(g.shape()) + " (its elements overlap); pass an array of that shape");
        }
    }
}
