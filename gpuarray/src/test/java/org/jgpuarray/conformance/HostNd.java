package org.jgpuarray.conformance;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * A host n-dimensional array for references, written independently of the library: a shape and its elements
 * in C order as doubles, read by coordinates. Results are built coordinate by coordinate from NumPy's
 * definitions, so the tests never ask the code under test how to compute what they check.
 */
final class HostNd {
    final long[] shape;
    final double[] values;

    HostNd(long[] shape, double[] values) {
        if (values.length != size(shape)) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
        this.shape = shape.clone();
        this.values = values;
    }

    /** The array of {@code shape} whose element at each coordinate tuple is {@code f(coords)}. */
    static HostNd build(long[] shape, ToDoubleFunction<long[]> f) {
        double[] v = new double[size(shape)];
        for (int k = 0; k < v.length; k++) {
            v[k] = f.applyAsDouble(coords(k, shape));
        }
        return new HostNd(shape, v);
    }

    /** The element at {@code c}; coordinates of extent-1 axes may be anything (NumPy's broadcasting). */
    double at(long... c) {
        long flat = 0;
        int lead = c.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + (shape[d] == 1 ? 0 : c[lead + d]);
        }
        return values[(int) flat];
    }

    int ndim() {
        return shape.length;
    }

    static int size(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return Math.toIntExact(n);
    }

    /** The coordinates of C-order position {@code k}. */
    static long[] coords(long k, long[] shape) {
        long[] c = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            c[d] = k % shape[d];
            k /= shape[d];
        }
        return c;
    }

    /** NumPy's broadcast shape of two shapes (the test's own rule). */
    static long[] broadcast(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        long[] s = new long[n];
        for (int d = 0; d < n; d++) {
            long x = d - (n - a.length) >= 0 ? a[d - (n - a.length)] : 1;
            long y = d - (n - b.length) >= 0 ? b[d - (n - b.length)] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException("test shapes do not broadcast");
            }
            s[d] = x == 1 ? y : x;
        }
        return s;
    }

    @Override
    public String toString() {
        return "HostNd" + Arrays.toString(shape);
    }
}
