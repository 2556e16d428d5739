package org.jgpuarray;

import java.util.Arrays;

/** Checks and arithmetic on array shapes. */
final class Shapes {
    private Shapes() {
    }

    /** A copy of {@code shape}, checked: no negative extent, size fits a long. */
    static long[] checked(long[] shape) {
        long[] copy = shape.clone();
        for (long extent : copy) {
            if (extent < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(copy));
            }
        }
        size(copy);
        return copy;
    }

    /** The number of elements; 1 for the empty shape of a 0-d array. */
    static long size(long[] shape) {
        long size = 1;
        for (long extent : shape) {
            try {
                size = Math.multiplyExact(size, extent);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + format(shape) + " has more elements than a long can count",
                        e);
            }
        }
        return size;
    }

    /** {@code (2, 3)}-style text. */
    static String format(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        String s = Arrays.toString(shape);
        return "(" + s.substring(1, s.length() - 1) + ")";
    }
}
