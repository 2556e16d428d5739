package org.jgpuarray.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * The host model of sorting: data of every sortable dtype as Java arrays, NumPy's order written out as a
 * comparator on boxed values (NaN after everything and equal to NaN, -0.0 equal to 0.0), the stable
 * reference sort of {@link List#sort} (TimSort is stable), and raw bits to compare results exactly, NaN
 * payloads and signs of zero included.
 */
final class HostSortModel {
    /** The dtypes that sort. */
    static final DType[] DTYPES = {DType.BOOL, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64};

    /** A negative NaN, what x86 produces for 0/0. */
    static final float NEG_NAN_F = Float.intBitsToFloat(0xFFC00000);
    /** A NaN with another payload. */
    static final float ODD_NAN_F = Float.intBitsToFloat(0x7FC00123);
    static final double NEG_NAN_D = Double.longBitsToDouble(0xFFF8000000000000L);
    static final double ODD_NAN_D = Double.longBitsToDouble(0x7FF8000000000123L);

    /** Kinds of data. */
    enum Kind { DUPLICATES, SPECIAL, ALL_EQUAL, SORTED, REVERSED }

    private HostSortModel() {
    }

    /** Data of {@code n} elements of a dtype as a Java array (boolean[] for bool). */
    static Object data(DType t, int n, Kind kind, Random r) {
        Object a = switch (kind) {
            case DUPLICATES, SORTED, REVERSED -> duplicates(t, n, r);
            case SPECIAL -> special(t, n, r);
            case ALL_EQUAL -> allEqual(t, n);
        };
        if (kind == Kind.SORTED || kind == Kind.REVERSED) {
            a = gather(a, argsort(a, 0, n));
            if (kind == Kind.REVERSED) {
                int[] reverse = new int[n];
                Arrays.setAll(reverse, k -> n - 1 - k);
                a = gather(a, reverse);
            }
        }
        return a;
    }

    private static Object duplicates(DType t, int n, Random r) {
        int range = Math.max(2, n / 4);
        return switch (t) {
            case BOOL -> {
                boolean[] b = new boolean[n];
                for (int k = 0; k < n; k++) {
                    b[k] = r.nextBoolean();
                }
                yield b;
            }
            case INT32 -> r.ints(n, -range, range).toArray();
            case INT64 -> r.longs(n, -range, range).map(v -> v * 0x100000001L).toArray();
            case FLOAT32 -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) {
                    f[k] = (r.nextInt(2 * range) - range) * 0.25f;
                }
                yield f;
            }
            case FLOAT64 -> r.ints(n, -range, range).mapToDouble(v -> v * 0.125).toArray();
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static Object special(DType t, int n, Random r) {
        return switch (t) {
            case BOOL -> duplicates(t, n, r);
            case INT32 -> {
                int[] pool = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE + 1, 1 << 16, -(1 << 24)};
                int[] a = new int[n];
                for (int k = 0; k < n; k++) {
                    a[k] = r.nextInt(3) == 0 ? pool[r.nextInt(pool.length)] : r.nextInt();
                }
                yield a;
            }
            case INT64 -> {
                long[] pool = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 1L << 53, (1L << 53) + 1, -(1L << 40)};
                long[] a = new long[n];
                for (int k = 0; k < n; k++) {
                    a[k] = r.nextInt(3) == 0 ? pool[r.nextInt(pool.length)] : r.nextLong();
                }
                yield a;
            }
            case FLOAT32 -> {
                float[] pool = {Float.NaN, NEG_NAN_F, ODD_NAN_F, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                        0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f};
                float[] a = new float[n];
                for (int k = 0; k < n; k++) {
                    a[k] = r.nextInt(2) == 0 ? pool[r.nextInt(pool.length)] : (float) (r.nextGaussian() * 1e3);
                }
                yield a;
            }
            case FLOAT64 -> {
                double[] pool = {Double.NaN, NEG_NAN_D, ODD_NAN_D, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        0d, -0d, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1d, -1d};
                double[] a = new double[n];
                for (int k = 0; k < n; k++) {
                    a[k] = r.nextInt(2) == 0 ? pool[r.nextInt(pool.length)] : r.nextGaussian() * 1e3;
                }
                yield a;
            }
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static Object allEqual(DType t, int n) {
        return switch (t) {
            case BOOL -> {
                boolean[] b = new boolean[n];
                Arrays.fill(b, true);
                yield b;
            }
            case INT32 -> {
                int[] a = new int[n];
                Arrays.fill(a, -7);
                yield a;
            }
            case INT64 -> {
                long[] a = new long[n];
                Arrays.fill(a, Long.MIN_VALUE + 5);
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[n];
                Arrays.fill(a, 2.5f);
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                Arrays.fill(a, -1e300);
                yield a;
            }
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    /** The number of elements of a Java array of this model. */
    static int length(Object a) {
        return java.lang.reflect.Array.getLength(a);
    }

    /** NumPy's order of elements i and j of a (boxed, compared as values). */
    static int compare(Object a, int i, int j) {
        if (a instanceof boolean[] b) {
            return Boolean.compare(b[i], b[j]);
        }
        if (a instanceof int[] v) {
            return Integer.compare(v[i], v[j]);
        }
        if (a instanceof long[] v) {
            return Long.compare(v[i], v[j]);
        }
        double x = a instanceof float[] f ? f[i] : ((double[]) a)[i];
        double y = a instanceof float[] f ? f[j] : ((double[]) a)[j];
        return compareValues(x, y);
    }

    /** NaN last and equal to NaN; -0.0 equal to 0.0. */
    static int compareValues(double x, double y) {
        boolean nx = Double.isNaN(x);
        boolean ny = Double.isNaN(y);
        if (nx || ny) {
            return nx == ny ? 0 : nx ? 1 : -1;
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** The stable argsort of {@code a[from, to)}, as positions in that range. */
    static int[] argsort(Object a, int from, int to) {
        List<Integer> order = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            order.add(k);
        }
        order.sort((Comparator<Integer>) (p, q) -> compare(a, p, q));
        return order.stream().mapToInt(k -> k - from).toArray();
    }

    /** The stable argsort of each row of {@code rows x cols}. */
    static long[] argsortRows(Object a, int rows, int cols) {
        long[] out = new long[rows * cols];
        for (int r = 0; r < rows; r++) {
            int[] order = argsort(a, r * cols, (r + 1) * cols);
            for (int k = 0; k < cols; k++) {
                out[r * cols + k] = order[k];
            }
        }
        return out;
    }

    /** {@code a} rearranged: element k of the result is {@code a[rowStart(k) + order[k]]}. */
    static Object gatherRows(Object a, long[] order, int cols) {
        int[] global = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            global[k] = (int) (k / cols * cols + order[k]);
        }
        return gather(a, global);
    }

    static Object gather(Object a, int[] index) {
        int n = index.length;
        Object out = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        for (int k = 0; k < n; k++) {
            int from = index[k];
            if (a instanceof boolean[] b) {
                ((boolean[]) out)[k] = b[from];
            } else if (a instanceof int[] v) {
                ((int[]) out)[k] = v[from];
            } else if (a instanceof long[] v) {
                ((long[]) out)[k] = v[from];
            } else if (a instanceof float[] v) {
                ((float[]) out)[k] = v[from];
            } else {
                ((double[]) out)[k] = ((double[]) a)[from];
            }
        }
        return out;
    }

    /** The raw bits of each element, so that NaN payloads and zero signs count. */
    static long[] bits(Object a) {
        int n = length(a);
        long[] bits = new long[n];
        for (int k = 0; k < n; k++) {
            bits[k] = bitsAt(a, k);
        }
        return bits;
    }

    static long bitsAt(Object a, int k) {
        if (a instanceof boolean[] b) {
            return b[k] ? 1 : 0;
        }
        if (a instanceof int[] v) {
            return v[k];
        }
        if (a instanceof long[] v) {
            return v[k];
        }
        if (a instanceof float[] f) {
            return Float.floatToRawIntBits(f[k]);
        }
        return Double.doubleToRawLongBits(((double[]) a)[k]);
    }

    /** Uploads a model array with a shape. */
    static GPUArray upload(GpuContext ctx, Object a, long... shape) {
        if (a instanceof boolean[] b) {
            return ctx.toGpu(b, shape);
        }
        if (a instanceof int[] v) {
            return ctx.toGpu(v, shape);
        }
        if (a instanceof long[] v) {
            return ctx.toGpu(v, shape);
        }
        if (a instanceof float[] f) {
            return ctx.toGpu(f, shape);
        }
        return ctx.toGpu((double[]) a, shape);
    }

    /** Downloads an array of a sortable dtype as a model array. */
    static Object download(GPUArray g) {
        return switch (g.dtype()) {
            case BOOL -> g.toBooleanArray();
            case INT32 -> g.toIntArray();
            case INT64 -> g.toLongArray();
            case FLOAT32 -> g.toFloatArray();
            case FLOAT64 -> g.toDoubleArray();
            default -> throw new IllegalArgumentException(g.dtype().toString());
        };
    }
}
