package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of view and indexing operations on random shapes (extents 0 to 5, up to four axes),
 * each result compared with {@link HostView}, the test's own model of NumPy's semantics; then a write
 * through the last view (fill or broadcast assignment) checked against the model's buffer, so writes reach
 * the base and nothing else, and a broadcasting addition. Values are small integers, exact in float32.
 * A failure prints the seed and the whole sequence.
 */
public abstract class ViewDifferentialConformance extends ConformanceBase {
    /** Sequences per run; each is a handful of device calls. */
    protected int sequences() {
        return 150;
    }

    @Test
    void randomSequencesMatchTheModel() {
        long seed = Long.getLong("jgpuarray.viewFuzzSeed", System.nanoTime());
        Random r = new Random(seed);
        for (int s = 0; s < sequences(); s++) {
            List<String> steps = new ArrayList<>();
            try {
                sequence(r, steps);
            } catch (AssertionError | RuntimeException e) {
                fail("seed " + seed + " (-Djgpuarray.viewFuzzSeed=" + seed + "), sequence " + s + ": "
                        + String.join(" -> ", steps) + ": " + e, e);
            }
        }
    }

    private void sequence(Random r, List<String> steps) {
        int ndim = r.nextInt(5);
        long[] shape = new long[ndim];
        for (int d = 0; d < ndim; d++) {
            shape[d] = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(5);
        }
        int n = (int) product(shape);
        float[] data = new float[n];
        double[] buffer = new double[n];
        for (int k = 0; k < n; k++) {
            data[k] = r.nextInt(200) - 100;
            buffer[k] = data[k];
        }
        steps.add("base " + java.util.Arrays.toString(shape));
        HostView model = HostView.of(buffer, shape);
        boolean broadcast = false;
        try (GPUArray base = ctx.toGpu(data).reshape(shape)) {
            GPUArray view = base.get(org.jgpuarray.Index.ellipsis());
            try {
                int count = 1 + r.nextInt(5);
                for (int k = 0; k < count; k++) {
                    Step step = step(r, model);
                    steps.add(step.name);
                    GPUArray next = step.device.apply(view);
                    view.close();
                    view = next;
                    model = step.host;
                    broadcast |= step.broadcasts;
                    compare(model, view, steps);
                }
                if (!broadcast && model.size() > 0) {
                    write(r, base, view, model, steps);
                }
                add(r, view, model, steps);
            } finally {
                view.close();
            }
        }
    }

    private record Step(String name, java.util.function.UnaryOperator<GPUArray> device, HostView host,
                        boolean broadcasts) {
    }

    private static Step step(Random r, HostView m) {
        int nd = m.shape.length;
        switch (r.nextInt(8)) {
            case 0, 1, 2: {
                StringBuilder index = new StringBuilder();
                HostView h = m;
                int axis = 0;
                int used = nd == 0 ? 0 : 1 + r.nextInt(nd);
                for (int d = 0; d < used; d++) {
                    long extent = m.shape[d];
                    if (d > 0) {
                        index.append(", ");
                    }
                    if (extent > 0 && r.nextInt(4) == 0) {
                        long k = r.nextInt((int) extent) - (r.nextBoolean() ? extent : 0);
                        index.append(k);
                        h = h.at(axis, k);
                    } else {
                        Long start = r.nextInt(3) == 0 ? null : (long) (r.nextInt((int) extent + 5) - extent - 2);
                        Long stop = r.nextInt(3) == 0 ? null : (long) (r.nextInt((int) extent + 5) - extent - 2);
                        long step = r.nextInt(3) == 0 ? 1 : (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(3));
                        index.append(start == null ? "" : start).append(':').append(stop == null ? "" : stop)
                                .append(':').append(step);
                        h = h.slice(axis, start, stop, step);
                        axis++;
                    }
                }
                if (r.nextInt(4) == 0) {
                    index.append(used > 0 ? ", " : "").append("None");
                    h = h.insertAxis(axis);
                }
                String text = index.length() == 0 ? "..." : index.toString();
                return new Step("get(\"" + text + "\")", v -> v.get(text), h, false);
            }
            case 3: {
                int[] order = permutation(r, nd);
                return new Step("permute" + java.util.Arrays.toString(order), v -> v.permute(order), m.permute(order),
                        false);
            }
            case 4: {
                int[] reversed = new int[nd];
                for (int d = 0; d < nd; d++) {
                    reversed[d] = nd - 1 - d;
                }
                return new Step("T()", GPUArray::T, m.permute(reversed), false);
            }
            case 5: {
                int axis = r.nextInt(nd + 1);
                return new Step("expandDims(" + axis + ")", v -> v.expandDims(axis), m.insertAxis(axis), false);
            }
            case 6: {
                if (nd >= 2) {
                    return new Step("diagonal()", GPUArray::diagonal, m.diagonal(), false);
                }
                return new Step("squeeze()", GPUArray::squeeze, m.squeeze(), false);
            }
            default: {
                int lead = r.nextInt(2);
                long[] target = new long[nd + lead];
                for (int d = 0; d < target.length; d++) {
                    long own = d < lead ? 1 : m.shape[d - lead];
                    target[d] = own == 1 ? 1 + r.nextInt(3) : own;
                }
                return new Step("broadcastTo" + java.util.Arrays.toString(target), v -> v.broadcastTo(target),
                        m.broadcastTo(target), true);
            }
        }
    }

    private static int[] permutation(Random r, int n) {
        int[] p = new int[n];
        for (int k = 0; k < n; k++) {
            p[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            int t = p[k];
            p[k] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Fills the view with a value, or assigns it a random array of a shape that broadcasts to it. */
    private void write(Random r, GPUArray base, GPUArray view, HostView model, List<String> steps) {
        if (r.nextBoolean()) {
            float value = r.nextInt(50) + 500;
            steps.add("fill(" + value + ")");
            view.fill(value);
            double[] values = new double[(int) model.size()];
            java.util.Arrays.fill(values, value);
            model.write(values);
        } else {
            long[] from = model.shape.clone();
            for (int d = 0; d < from.length; d++) {
                if (r.nextInt(3) == 0) {
                    from[d] = 1;
                }
            }
            int drop = from.length == 0 ? 0 : r.nextInt(from.length + 1);
            long[] sourceShape = java.util.Arrays.copyOfRange(from, drop, from.length);
            float[] source = new float[(int) product(sourceShape)];
            for (int k = 0; k < source.length; k++) {
                source[k] = 1000 + r.nextInt(100);
            }
            steps.add("assign(" + java.util.Arrays.toString(sourceShape) + ")");
            try (GPUArray s = ctx.toGpu(source).reshape(sourceShape)) {
                view.assign(s);
            }
            double[] wide = new double[source.length];
            for (int k = 0; k < source.length; k++) {
                wide[k] = source[k];
            }
            model.write(HostView.of(wide, sourceShape).broadcastTo(model.shape).values());
        }
        float[] all = base.toFloatArray();
        double[] seen = new double[all.length];
        for (int k = 0; k < all.length; k++) {
            seen[k] = all[k];
        }
        assertArrayEquals(model.buffer, seen, 0, "the base after the write");
    }

    /** {@code view + other}, where other's shape broadcasts against the view's (one side or the other). */
    private void add(Random r, GPUArray view, HostView model, List<String> steps) {
        long[] otherShape = model.shape.clone();
        for (int d = 0; d < otherShape.length; d++) {
            if (r.nextInt(3) == 0) {
                otherShape[d] = 1;
            }
        }
        float[] other = new float[(int) product(otherShape)];
        double[] wide = new double[other.length];
        for (int k = 0; k < other.length; k++) {
            other[k] = r.nextInt(20);
            wide[k] = other[k];
        }
        steps.add("add(" + java.util.Arrays.toString(otherShape) + ")");
        double[] left = model.values();
        double[] right = HostView.of(wide, otherShape).broadcastTo(model.shape).values();
        double[] expected = new double[left.length];
        for (int k = 0; k < left.length; k++) {
            expected[k] = left[k] + right[k];
        }
        try (GPUArray o = ctx.toGpu(other).reshape(otherShape); GPUArray sum = view.add(o)) {
            assertArrayEquals(model.shape, sum.shape(), "shape of the sum");
            assertArrayEquals(expected, widen(sum.toFloatArray()), 0, "the sum");
        }
    }

    private static void compare(HostView model, GPUArray view, List<String> steps) {
        assertArrayEquals(model.shape, view.shape(), "shape");
        assertArrayEquals(model.values(), widen(view.toFloatArray()), 0, "values");
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long e : shape) {
            p *= e;
        }
        return p;
    }
}
