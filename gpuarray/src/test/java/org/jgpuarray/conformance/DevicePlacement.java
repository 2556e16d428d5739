package org.jgpuarray.conformance;

import java.util.Arrays;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * Ways to put a host operand ({@link HostMatmul.Operand}) on the device as an array with the same logical
 * values: contiguous, or a view of a larger base whose other elements are poison (NaN, 0x5A5A... or
 * true), so that a library reading past the view's elements gives a wrong answer.
 */
enum DevicePlacement {
    /** A contiguous array. */
    CONTIGUOUS,
    /** The last two axes swapped in memory: {@code base.swapAxes(-2, -1)} (2-D and more only). */
    TRANSPOSED,
    /** Every second element of a base twice as long along the last axis: {@code base[..., 1::2]}. */
    STRIDED,
    /** The last axis reversed: {@code base[..., ::-1]} (negative stride). */
    REVERSED,
    /** All but the first entry of the first axis of a longer base: contiguous, at an offset. */
    OFFSET;

    /** The view and the base it belongs to (the same array for CONTIGUOUS); close both. */
    record Placed(GPUArray view, GPUArray base) implements AutoCloseable {
        @Override
        public void close() {
            view.close();
            base.close();
        }
    }

    /** Whether this placement applies to an operand of {@code ndim} dimensions. */
    boolean appliesTo(int ndim) {
        return this != TRANSPOSED || ndim >= 2;
    }

    /** The operand on the device, placed this way. */
    Placed place(GpuContext ctx, HostMatmul.Operand x) {
        long[] shape = x.shape();
        int nd = shape.length;
        long[] baseShape = shape.clone();
        switch (this) {
            case TRANSPOSED -> {
                baseShape[nd - 2] = shape[nd - 1];
                baseShape[nd - 1] = shape[nd - 2];
            }
            case STRIDED -> baseShape[nd - 1] = 2 * shape[nd - 1] + 1;
            case OFFSET -> baseShape[0] = shape[0] + 1;
            default -> {
            }
        }
        int baseSize = (int) Arrays.stream(baseShape).reduce(1, (p, q) -> p * q);
        long[] ints = x.ints() == null ? null : new long[baseSize];
        double[] reals = x.reals() == null ? null : new double[baseSize];
        if (ints != null) {
            Arrays.fill(ints, x.dtype() == DType.BOOL ? 1 : x.dtype() == DType.INT32 ? 0x5A5A5A5AL : 0x5A5A5A5A5A5A5A5AL);
        } else {
            Arrays.fill(reals, Double.NaN);
        }
        for (long i = 0; i < x.size(); i++) {
            int at = (int) HostMatmul.ravel(baseIndex(HostMatmul.unravel(i, shape), shape), baseShape);
            if (ints != null) {
                ints[at] = x.ints()[(int) i];
            } else {
                reals[at] = x.reals()[(int) i];
            }
        }
        GPUArray base = upload(ctx, x.dtype(), ints, reals, baseShape);
        return new Placed(view(base, nd), base);
    }

    /** Where element {@code index} of the view lies in the base. */
    private long[] baseIndex(long[] index, long[] shape) {
        int nd = index.length;
        long[] b = index.clone();
        switch (this) {
            case TRANSPOSED -> {
                b[nd - 2] = index[nd - 1];
                b[nd - 1] = index[nd - 2];
            }
            case STRIDED -> b[nd - 1] = 2 * index[nd - 1] + 1;
            case REVERSED -> b[nd - 1] = shape[nd - 1] - 1 - index[nd - 1];
            case OFFSET -> b[0] = index[0] + 1;
            default -> {
            }
        }
        return b;
    }

    private GPUArray view(GPUArray base, int nd) {
        return switch (this) {
            case CONTIGUOUS -> base;
            case TRANSPOSED -> base.swapAxes(nd - 2, nd - 1);
            case STRIDED -> base.get("..., 1::2");
            case REVERSED -> base.get("..., ::-1");
            case OFFSET -> base.get("1:");
        };
    }

    /** Uploads values of {@code dtype} (longs for bool and integers, doubles for floats). */
    static GPUArray upload(GpuContext ctx, DType dtype, long[] ints, double[] reals, long... shape) {
        return switch (dtype) {
            case BOOL -> {
                boolean[] v = new boolean[ints.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = ints[i] != 0;
                }
                yield ctx.toGpu(v, shape);
            }
            case INT32 -> ctx.toGpu(Arrays.stream(ints).mapToInt(v -> (int) v).toArray(), shape);
            case INT64 -> ctx.toGpu(ints, shape);
            case FLOAT32 -> {
                float[] v = new float[reals.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) reals[i];
                }
                yield ctx.toGpu(v, shape);
            }
            default -> ctx.toGpu(reals, shape);
        };
    }
}
