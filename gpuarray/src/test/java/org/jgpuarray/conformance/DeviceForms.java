package org.jgpuarray.conformance;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.Index;

/**
 * Puts host values on the device as arrays of a chosen dtype and memory form: contiguous, a transpose, a view
 * with negative steps on every axis, or every other element of a wider buffer (whose skipped elements hold a
 * poison value). Each form holds the same logical elements, so an operation must give the same answer on all.
 */
enum DeviceForms {
    CONTIGUOUS, TRANSPOSED, REVERSED, STRIDED;

    /** A poison no test input produces: where it shows up in a result, something read or wrote out of place. */
    static final double POISON = -7777;

    /** The values of {@code h} as a device array of {@code type} in this form; the caller closes it. */
    GPUArray upload(GpuContext ctx, DType type, HostNd h) {
        int n = h.values.length;
        switch (this) {
            case TRANSPOSED -> {
                long[] reversed = reverse(h.shape);
                HostNd t = HostNd.build(reversed, c -> h.at(reverse(c)));
                try (GPUArray base = upload(ctx, type, t.values, reversed)) {
                    return base.transpose();
                }
            }
            case REVERSED -> {
                double[] back = new double[n];
                for (int k = 0; k < n; k++) {
                    back[k] = h.values[n - 1 - k];
                }
                Index[] all = new Index[h.ndim()];
                java.util.Arrays.fill(all, Index.step(null, null, -1));
                try (GPUArray base = upload(ctx, type, back, h.shape)) {
                    return base.get(all);
                }
            }
            case STRIDED -> {
                if (h.ndim() == 0) {
                    return upload(ctx, type, h.values, h.shape);
                }
                long[] wide = h.shape.clone();
                wide[wide.length - 1] *= 2;
                HostNd w = HostNd.build(wide, c -> {
                    long last = c[c.length - 1];
                    if (last % 2 == 1) {
                        return type == DType.BOOL ? 1 : POISON;
                    }
                    long[] d = c.clone();
                    d[d.length - 1] = last / 2;
                    return h.at(d);
                });
                try (GPUArray base = upload(ctx, type, w.values, wide)) {
                    return base.get(Index.ellipsis(), Index.step(null, null, 2));
                }
            }
            default -> {
                return upload(ctx, type, h.values, h.shape);
            }
        }
    }

    /** {@code values} as a contiguous device array of {@code type} and {@code shape}. */
    static GPUArray upload(GpuContext ctx, DType type, double[] values, long... shape) {
        if (shape.length == 0) { // toGpu reads an empty shape as 1-D
            try (GPUArray one = upload(ctx, type, values, 1)) {
                return one.reshape();
            }
        }
        int n = values.length;
        return switch (type) {
            case FLOAT32 -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) {
                    f[k] = (float) values[k];
                }
                yield ctx.toGpu(f, shape);
            }
            case FLOAT64 -> ctx.toGpu(values.clone(), shape);
            case INT32 -> {
                int[] v = new int[n];
                for (int k = 0; k < n; k++) {
                    v[k] = (int) values[k];
                }
                yield ctx.toGpu(v, shape);
            }
            case INT64 -> {
                long[] v = new long[n];
                for (int k = 0; k < n; k++) {
                    v[k] = (long) values[k];
                }
                yield ctx.toGpu(v, shape);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int k = 0; k < n; k++) {
                    v[k] = values[k] != 0;
                }
                yield ctx.toGpu(v, shape);
            }
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    /**
     * Random values exactly representable in {@code type}: 0/1 for bool, integers in [-100, 100] for integers,
     * float-rounded Gaussians for floats; a fraction {@code zeros} of them 0.
     */
    static double[] values(Random r, DType type, int n, double zeros) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            if (r.nextDouble() < zeros) {
                continue;
            }
            v[k] = switch (type) {
                case BOOL -> 1;
                case INT32, INT64 -> r.nextInt(201) - 100;
                case FLOAT32 -> (float) (r.nextGaussian() * 100);
                default -> r.nextGaussian() * 100;
            };
        }
        return v;
    }

    /** The host array of {@code shape} with random {@link #values}. */
    static HostNd random(Random r, DType type, long[] shape, double zeros) {
        return new HostNd(shape, values(r, type, HostNd.size(shape), zeros));
    }

    /** The values as the device returns them: bool as 0/1, float32 as floats. */
    static double[] download(GPUArray a) {
        return a.toDoubleArray();
    }

    private static long[] reverse(long[] s) {
        long[] r = new long[s.length];
        for (int k = 0; k < s.length; k++) {
            r[k] = s[s.length - 1 - k];
        }
        return r;
    }
}
