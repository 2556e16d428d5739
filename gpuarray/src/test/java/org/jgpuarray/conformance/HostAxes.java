package org.jgpuarray.conformance;

/**
 * A host model of reductions along axes, written independently of the library: the elements of a
 * {@link HostView} gathered per output (the kept axes' positions in C order) into segments (the reduced axes'
 * positions in C order), then reduced in float64 (or in wrapping {@code long} arithmetic for integer sums and
 * products) with NumPy's rules for NaN and ties.
 */
final class HostAxes {
    private HostAxes() {
    }

    /** Per output, the reduced elements in C order. */
    static double[][] segments(HostView v, boolean[] reduced) {
        long outputs = 1;
        long count = 1;
        for (int d = 0; d < v.shape.length; d++) {
            if (reduced[d]) {
                count *= v.shape[d];
            } else {
                outputs *= v.shape[d];
            }
        }
        double[][] segments = new double[(int) outputs][(int) count];
        long[] index = new long[v.shape.length];
        for (long k = 0; k < v.size(); k++) {
            long at = v.offset;
            long out = 0;
            long in = 0;
            for (int d = 0; d < v.shape.length; d++) {
                at += index[d] * v.strides[d];
                if (reduced[d]) {
                    in = in * v.shape[d] + index[d];
                } else {
                    out = out * v.shape[d] + index[d];
                }
            }
            segments[(int) out][(int) in] = v.buffer[(int) at];
            for (int d = v.shape.length - 1; d >= 0; d--) {
                if (++index[d] < v.shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return segments;
    }

    static double sum(double[] s) {
        double total = 0;
        for (double x : s) {
            total += x;
        }
        return total;
    }

    /** The sum of the magnitudes: the scale of a sum's rounding error. */
    static double magnitude(double[] s) {
        double total = 0;
        for (double x : s) {
            total += Math.abs(x);
        }
        return total;
    }

    static double prod(double[] s) {
        double total = 1;
        for (double x : s) {
            total *= x;
        }
        return total;
    }

    /** Integer sum with int64 wrap-around, as the device accumulates. */
    static long longSum(double[] s) {
        long total = 0;
        for (double x : s) {
            total += (long) x;
        }
        return total;
    }

    /** Integer product with int64 wrap-around. */
    static long longProd(double[] s) {
        long total = 1;
        for (double x : s) {
            total *= (long) x;
        }
        return total;
    }

    /** The maximum (or minimum); NaN when any element is NaN. */
    static double extremum(double[] s, boolean max) {
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double x : s) {
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            best = max ? Math.max(best, x) : Math.min(best, x);
        }
        return best;
    }

    /** The index of the first NaN, else of the first maximum (or minimum). */
    static long argExtremum(double[] s, boolean max) {
        int best = 0;
        for (int k = 0; k < s.length; k++) {
            if (Double.isNaN(s[k])) {
                return k;
            }
            if (max ? s[k] > s[best] : s[k] < s[best]) {
                best = k;
            }
        }
        return best;
    }

    static double mean(double[] s) {
        return sum(s) / s.length;
    }

    /** Two-pass variance with {@code ddof}: NaN or infinity when {@code length - ddof <= 0}, as NumPy. */
    static double var(double[] s, int ddof) {
        double m = mean(s);
        double squares = 0;
        for (double x : s) {
            squares += (x - m) * (x - m);
        }
        return squares / Math.max(s.length - ddof, 0);
    }

    static boolean any(double[] s) {
        for (double x : s) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    static boolean all(double[] s) {
        for (double x : s) {
            if (x == 0) {
                return false;
            }
        }
        return true;
    }
}
