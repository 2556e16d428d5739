package org.jgpuarray.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.Index;

/**
 * A device array of a logical shape seen through one kind of view, with the host model of the same elements:
 * the inputs of the reductions along axes and scans along an axis. The data come from a host buffer of the
 * base's size; the view's elements are whatever the view selects of it.
 */
final class AxisCase implements AutoCloseable {
    /** How the logical shape is made from its base. */
    enum View {
        /** The base itself, C order. */
        CONTIGUOUS,
        /** The transpose of a base of the reversed shape. */
        TRANSPOSED,
        /** Every axis stepped backwards: even axes by -1, odd axes by -2 over a base twice as long. */
        NEGATIVE_STEP,
        /** A base with extent 1 along the first axis (every axis of a 1-D shape) broadcast to the shape. */
        BROADCAST
    }

    final GPUArray base;
    final GPUArray array;
    final HostView host;
    final String what;

    private AxisCase(GPUArray base, GPUArray array, HostView host, String what) {
        this.base = base;
        this.array = array;
        this.host = host;
        this.what = what;
    }

    /**
     * Builds the case.
     *
     * @param values fills the base: value {@code k} of the base in C order; only its first base-size values are used
     */
    static AxisCase of(GpuContext ctx, DType dtype, long[] shape, View view, ValueSource values) {
        long[] baseShape = baseShape(shape, view);
        int n = (int) size(baseShape);
        double[] data = new double[n];
        for (int k = 0; k < n; k++) {
            data[k] = values.value(k, n);
        }
        GPUArray base = upload(ctx, dtype, data, baseShape);
        HostView host = HostView.of(data, baseShape);
        GPUArray array;
        switch (view) {
            case TRANSPOSED -> {
                array = base.transpose();
                host = host.permute(reversedAxes(shape.length));
            }
            case NEGATIVE_STEP -> {
                Index[] index = new Index[shape.length];
                for (int d = 0; d < shape.length; d++) {
                    long step = d % 2 == 0 ? -1 : -2;
                    index[d] = Index.step(null, null, step);
                    host = host.slice(d, null, null, step);
                }
                array = base.get(index);
            }
            case BROADCAST -> {
                array = base.broadcastTo(shape);
                host = host.broadcastTo(shape);
            }
            default -> array = base.reshape(shape);
        }
        String what = Arrays.toString(shape) + " " + dtype.numpyName() + " " + view.name().toLowerCase();
        if (!Arrays.equals(host.shape, shape) || !Arrays.equals(array.shape(), shape)) {
            throw new AssertionError(what + ": the view has shape " + Arrays.toString(array.shape()));
        }
        return new AxisCase(base, array, host, what);
    }

    /** The values of a base. */
    @FunctionalInterface
    interface ValueSource {
        /** Value {@code k} of {@code n}. */
        double value(int k, int n);
    }

    private static long[] baseShape(long[] shape, View view) {
        long[] base = shape.clone();
        switch (view) {
            case TRANSPOSED -> {
                for (int d = 0; d < shape.length; d++) {
                    base[d] = shape[shape.length - 1 - d];
                }
            }
            case NEGATIVE_STEP -> {
                for (int d = 1; d < shape.length; d += 2) {
                    base[d] = 2 * shape[d];
                }
            }
            case BROADCAST -> {
                if (shape.length > 0) {
                    base[0] = 1;
                }
            }
            default -> {
            }
        }
        return base;
    }

    private static int[] reversedAxes(int ndim) {
        int[] order = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            order[d] = ndim - 1 - d;
        }
        return order;
    }

    static long size(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** {@code data} on the device as {@code dtype}, with {@code shape} (0-d when it is empty). */
    static GPUArray upload(GpuContext ctx, DType dtype, double[] data, long[] shape) {
        int n = data.length;
        GPUArray flat;
        if (dtype == DType.FLOAT32) {
            float[] f = new float[n];
            for (int k = 0; k < n; k++) {
                f[k] = (float) data[k];
            }
            flat = ctx.toGpu(f);
        } else if (dtype == DType.FLOAT64) {
            flat = ctx.toGpu(data.clone());
        } else if (dtype == DType.INT32) {
            int[] v = new int[n];
            Arrays.setAll(v, k -> (int) data[k]);
            flat = ctx.toGpu(v);
        } else if (dtype == DType.INT64) {
            long[] v = new long[n];
            Arrays.setAll(v, k -> (long) data[k]);
            flat = ctx.toGpu(v);
        } else if (dtype == DType.BOOL) {
            boolean[] v = new boolean[n];
            for (int k = 0; k < n; k++) {
                v[k] = data[k] != 0;
            }
            flat = ctx.toGpu(v);
        } else {
            throw new IllegalArgumentException("no upload for " + dtype);
        }
        try (flat) {
            return flat.reshape(shape);
        }
    }

    /** Every axis set worth reducing for an array of {@code ndim} dimensions: all, each, negative, pairs. */
    static List<int[]> axisSets(int ndim) {
        List<int[]> sets = new ArrayList<>();
        sets.add(new int[0]);
        for (int d = 0; d < ndim; d++) {
            sets.add(new int[] {d});
        }
        if (ndim >= 1) {
            sets.add(new int[] {-1});
        }
        for (int a = 0; a < ndim; a++) {
            for (int b = a + 1; b < ndim; b++) {
                sets.add(new int[] {a, b});
            }
        }
        if (ndim >= 2) {
            sets.add(new int[] {-1, 0});
            int[] every = new int[ndim];
            Arrays.setAll(every, d -> ndim - 1 - d);
            sets.add(every);
        }
        return sets;
    }

    /** The flags of the axes {@code axes} names (every axis when empty). */
    static boolean[] reduced(int ndim, int[] axes) {
        boolean[] reduced = new boolean[ndim];
        if (axes.length == 0) {
            Arrays.fill(reduced, true);
        }
        for (int a : axes) {
            reduced[a < 0 ? a + ndim : a] = true;
        }
        return reduced;
    }

    /** The result shape NumPy gives. */
    static long[] resultShape(long[] shape, boolean[] reduced, boolean keepdims) {
        List<Long> out = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (!reduced[d]) {
                out.add(shape[d]);
            } else if (keepdims) {
                out.add(1L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void close() {
        array.close();
        base.close();
    }

    @Override
    public String toString() {
        return what;
    }
}
