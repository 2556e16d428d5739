package org.jgpuarray.conformance;

import java.util.Arrays;
import java.util.Random;
import org.jgpuarray.DType;

/**
 * A host model of NumPy's {@code matmul}, written independently of the library: NumPy's result types,
 * 1-D operands promoted to a row or a column (and the axis removed again), batch axes broadcast, and the
 * products summed exactly in Java {@code int} or {@code long} arithmetic (which wraps as NumPy's integer
 * matmul does), as a logical OR of ANDs for bool, or in float64 with the sum of the magnitudes of the
 * terms (the bound a rounding error is measured against).
 */
final class HostMatmul {
    private HostMatmul() {
    }

    /**
     * An operand: its dtype, shape and values in C order, as longs (bool, int32, int64) or doubles (floats,
     * already rounded to float32 for float32).
     */
    record Operand(DType dtype, long[] shape, long[] ints, double[] reals) {
        long size() {
            return Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        }

        /** Element {@code i} in C order, converted to double as C converts it. */
        double real(long i) {
            return ints != null ? (double) ints[(int) i] : reals[(int) i];
        }
    }

    /**
     * The expected result: dtype, shape, and values as longs (integer and bool results; bools as 0 or 1)
     * or as doubles with, per element, the sum of |x y| over its terms.
     */
    record Result(DType dtype, long[] shape, long[] ints, double[] reals, double[] bound, long k) {
    }

    /**
     * Random values of {@code dtype}: floats uniform in [-1, 1); integers mostly small, one in four over the
     * whole range of the type (so that products and sums wrap), unless {@code small}.
     */
    static Operand random(Random r, DType dtype, boolean small, long... shape) {
        int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        if (dtype == DType.FLOAT32 || dtype == DType.FLOAT64) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                double x = r.nextDouble() * 2 - 1;
                v[i] = dtype == DType.FLOAT32 ? (float) x : x;
            }
            return new Operand(dtype, shape.clone(), null, v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            if (dtype == DType.BOOL) {
                v[i] = r.nextInt(3) == 0 ? 1 : 0;
            } else if (!small && r.nextInt(4) == 0) {
                v[i] = dtype == DType.INT32 ? r.nextInt() : r.nextLong();
            } else {
                v[i] = r.nextInt(201) - 100;
            }
        }
        return new Operand(dtype, shape.clone(), v, null);
    }

    /** NumPy's result type of {@code matmul} on arrays of these dtypes. */
    static DType resultType(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == DType.BOOL || b == DType.BOOL) {
            return a == DType.BOOL ? b : a;
        }
        boolean floatA = a == DType.FLOAT32 || a == DType.FLOAT64;
        boolean floatB = b == DType.FLOAT32 || b == DType.FLOAT64;
        return floatA || floatB ? DType.FLOAT64 : DType.INT64;
    }

    /** {@code a @ b}; the operands' shapes must match by NumPy's rules. */
    static Result matmul(Operand a, Operand b) {
        DType type = resultType(a.dtype(), b.dtype());
        long[] sa = a.shape().length == 1 ? new long[] {1, a.shape()[0]} : a.shape();
        long[] sb = b.shape().length == 1 ? new long[] {b.shape()[0], 1} : b.shape();
        long m = sa[sa.length - 2];
        long k = sa[sa.length - 1];
        long n = sb[sb.length - 1];
        long[] batch = broadcast(Arrays.copyOf(sa, sa.length - 2), Arrays.copyOf(sb, sb.length - 2));
        long[] shape = Arrays.copyOf(batch, batch.length + (a.shape().length > 1 ? 1 : 0) + (b.shape().length > 1 ? 1 : 0));
        int d = batch.length;
        if (a.shape().length > 1) {
            shape[d++] = m;
        }
        if (b.shape().length > 1) {
            shape[d] = n;
        }
        long batches = Arrays.stream(batch).reduce(1, (x, y) -> x * y);
        int total = (int) (batches * m * n);
        boolean real = type == DType.FLOAT32 || type == DType.FLOAT64;
        long[] ints = real ? null : new long[total];
        double[] reals = real ? new double[total] : null;
        double[] bound = real ? new double[total] : null;
        for (long q = 0; q < batches; q++) {
            long[] index = unravel(q, batch);
            long baseA = matrixStart(index, sa);
            long baseB = matrixStart(index, sb);
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < n; j++) {
                    int out = (int) ((q * m + i) * n + j);
                    for (long p = 0; p < k; p++) {
                        long ia = baseA + i * k + p;
                        long ib = baseB + p * n + j;
                        if (real) {
                            double t = a.real(ia) * b.real(ib);
                            reals[out] += t;
                            bound[out] += Math.abs(t);
                        } else if (type == DType.BOOL) {
                            ints[out] |= a.ints()[(int) ia] & b.ints()[(int) ib];
                        } else if (type == DType.INT32) {
                            ints[out] = (int) ints[out] + (int) a.ints()[(int) ia] * (int) b.ints()[(int) ib];
                        } else {
                            ints[out] += a.ints()[(int) ia] * b.ints()[(int) ib];
                        }
                    }
                }
            }
        }
        return new Result(type, shape, ints, reals, bound, k);
    }

    /** NumPy's broadcast of two shapes (they must broadcast). */
    static long[] broadcast(long[] x, long[] y) {
        int nd = Math.max(x.length, y.length);
        long[] out = new long[nd];
        for (int d = 0; d < nd; d++) {
            long ex = d < nd - x.length ? 1 : x[d - (nd - x.length)];
            long ey = d < nd - y.length ? 1 : y[d - (nd - y.length)];
            out[d] = ex == 1 ? ey : ex;
        }
        return out;
    }

    /** Where, in an operand of matrix shape {@code s}, the matrix at broadcast batch index {@code index} starts. */
    private static long matrixStart(long[] index, long[] s) {
        int own = s.length - 2;
        long start = 0;
        for (int d = 0; d < own; d++) {
            long e = s[d];
            long at = e == 1 ? 0 : index[index.length - own + d];
            start = start * e + at;
        }
        return start * s[own] * s[own + 1];
    }

    /** The C-order multi-index of flat index {@code i} in {@code shape}. */
    static long[] unravel(long i, long[] shape) {
        long[] index = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = shape[d] == 0 ? 0 : i % shape[d];
            i = shape[d] == 0 ? 0 : i / shape[d];
        }
        return index;
    }

    /** The C-order flat index of a multi-index in {@code shape}. */
    static long ravel(long[] index, long[] shape) {
        long i = 0;
        for (int d = 0; d < shape.length; d++) {
            i = i * shape[d] + index[d];
        }
        return i;
    }
}
