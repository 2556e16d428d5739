package org.jgpuarray.conformance;

import java.util.Arrays;

/**
 * A host model of NumPy's strided views, written independently of the library: a buffer of doubles with
 * a shape, strides and offset, basic indexing by (start, stop, step) per axis, permutations and
 * broadcasting, and the elements read in C order. The tests compare every device view against it.
 */
final class HostView {
    final double[] buffer;
    final long[] shape;
    final long[] strides;
    final long offset;

    HostView(double[] buffer, long[] shape, long[] strides, long offset) {
        this.buffer = buffer;
        this.shape = shape.clone();
        this.strides = strides.clone();
        this.offset = offset;
    }

    /** A contiguous C-order array over {@code data}. */
    static HostView of(double[] data, long... shape) {
        long[] strides = new long[shape.length];
        long step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = step;
            step *= shape[d];
        }
        return new HostView(data, shape, strides, 0);
    }

    long size() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** Axis {@code d} sliced NumPy's way: start, stop (exclusive) and step, after NumPy's clamping. */
    HostView slice(int d, Long start, Long stop, long step) {
        long n = shape[d];
        long first;
        long count;
        if (step > 0) {
            long a = start == null ? 0 : Math.max(0, Math.min(n, start < 0 ? start + n : start));
            long b = stop == null ? n : Math.max(0, Math.min(n, stop < 0 ? stop + n : stop));
            first = a;
            count = b > a ? (b - a + step - 1) / step : 0;
        } else {
            long a = start == null ? n - 1 : Math.max(-1, Math.min(n - 1, start < 0 ? start + n : start));
            long b = stop == null ? -1 : Math.max(-1, Math.min(n - 1, stop < 0 ? stop + n : stop));
            first = a;
            count = a > b ? (a - b - step - 1) / -step : 0;
        }
        long[] s = shape.clone();
        long[] t = strides.clone();
        s[d] = count;
        t[d] = strides[d] * step;
        return new HostView(buffer, s, t, count > 0 ? offset + first * strides[d] : offset);
    }

    /** Position {@code k} of axis {@code d}; the axis is dropped. */
    HostView at(int d, long k) {
        long j = k < 0 ? k + shape[d] : k;
        long[] s = new long[shape.length - 1];
        long[] t = new long[shape.length - 1];
        for (int a = 0, b = 0; a < shape.length; a++) {
            if (a != d) {
                s[b] = shape[a];
                t[b] = strides[a];
                b++;
            }
        }
        return new HostView(buffer, s, t, offset + j * strides[d]);
    }

    HostView permute(int... order) {
        long[] s = new long[order.length];
        long[] t = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            s[k] = shape[order[k]];
            t[k] = strides[order[k]];
        }
        return new HostView(buffer, s, t, offset);
    }

    HostView broadcastTo(long... target) {
        long[] t = new long[target.length];
        int lead = target.length - shape.length;
        for (int d = 0; d < target.length; d++) {
            t[d] = d < lead || shape[d - lead] == 1 && target[d] != 1 ? 0 : strides[d - lead];
        }
        return new HostView(buffer, target, t, offset);
    }

    /** An axis of extent 1 inserted before axis {@code d} (NumPy's {@code newaxis}, {@code expand_dims}). */
    HostView insertAxis(int d) {
        long[] s = new long[shape.length + 1];
        long[] t = new long[shape.length + 1];
        for (int a = 0, b = 0; a < s.length; a++) {
            if (a == d) {
                s[a] = 1;
            } else {
                s[a] = shape[b];
                t[a] = strides[b];
                b++;
            }
        }
        return new HostView(buffer, s, t, offset);
    }

    /** Every axis of extent 1 removed. */
    HostView squeeze() {
        int kept = 0;
        for (long e : shape) {
            kept += e == 1 ? 0 : 1;
        }
        long[] s = new long[kept];
        long[] t = new long[kept];
        for (int a = 0, b = 0; a < shape.length; a++) {
            if (shape[a] != 1) {
                s[b] = shape[a];
                t[b] = strides[a];
                b++;
            }
        }
        return new HostView(buffer, s, t, offset);
    }

    /** The main diagonal of axes 0 and 1, as the last axis (NumPy's {@code diagonal()}). */
    HostView diagonal() {
        long[] s = new long[shape.length - 1];
        long[] t = new long[shape.length - 1];
        for (int a = 2; a < shape.length; a++) {
            s[a - 2] = shape[a];
            t[a - 2] = strides[a];
        }
        s[s.length - 1] = Math.min(shape[0], shape[1]);
        t[t.length - 1] = strides[0] + strides[1];
        return new HostView(buffer, s, t, offset);
    }

    /** The elements in C order. */
    double[] values() {
        double[] out = new double[(int) size()];
        long[] index = new long[shape.length];
        for (int k = 0; k < out.length; k++) {
            long at = offset;
            for (int d = 0; d < shape.length; d++) {
                at += index[d] * strides[d];
            }
            out[k] = buffer[(int) at];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return out;
    }

    /** Writes {@code values} (C order) into the viewed elements of the buffer. */
    void write(double[] values) {
        long[] index = new long[shape.length];
        for (double v : values) {
            long at = offset;
            for (int d = 0; d < shape.length; d++) {
                at += index[d] * strides[d];
            }
            buffer[(int) at] = v;
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
    }

    @Override
    public String toString() {
        return "HostView" + Arrays.toString(shape) + " strides " + Arrays.toString(strides) + " offset " + offset;
    }
}
