package org.jgpuarray.samples.recipes;

import java.util.Locale;
import java.util.StringJoiner;

/** Prints arrays the way NumPy's {@code print} does, so that recipe output reads like the book's. */
final class NumpyText {
    /** Above this many elements a vector is summarized with {@code ...}, as NumPy does above 1000. */
    private static final int SUMMARIZE_ABOVE = 1000;

    private NumpyText() {
    }

    /** A float matrix, row-major: {@code [[ 1.2345678 -0.5      ]\n [ ... ]]}. */
    static String matrix(float[] data, int rows, int cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[" : "\n [");
            StringJoiner row = new StringJoiner(" ");
            for (int c = 0; c < cols; c++) {
                row.add(String.format(Locale.ROOT, "%11.8f", data[r * cols + c]));
            }
            sb.append(row).append(']');
        }
        return sb.append(']').toString();
    }

    /** An integer matrix, row-major, right-aligned as NumPy prints it: {@code [[ 3 10]\n [ 7  0]]}. */
    static String matrix(long[] data, int rows, int cols) {
        int width = 1;
        for (int k = 0; k < rows * cols; k++) {
            width = Math.max(width, Long.toString(data[k]).length());
        }
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[" : "\n [");
            StringJoiner row = new StringJoiner(" ");
            for (int c = 0; c < cols; c++) {
                row.add(String.format(Locale.ROOT, "%" + width + "d", data[r * cols + c]));
            }
            sb.append(row).append(']');
        }
        return sb.append(']').toString();
    }

    /** A float vector, eight values per line. */
    static String vector(float[] v) {
        String[] items = new String[v.length];
        for (int k = 0; k < v.length; k++) {
            items[k] = String.format(Locale.ROOT, "%11.8f", v[k]);
        }
        return join(items, 8);
    }

    /** An int vector, summarized when long. */
    static String vector(int[] v) {
        int width = 1;
        for (int x : v) {
            width = Math.max(width, Integer.toString(x).length());
        }
        String[] items = new String[v.length];
        for (int k = 0; k < v.length; k++) {
            items[k] = String.format(Locale.ROOT, "%" + width + "d", v[k]);
        }
        return join(items, Math.max(1, 75 / (width + 1)));
    }

    private static String join(String[] items, int perLine) {
        StringBuilder sb = new StringBuilder("[");
        boolean summarize = items.length > SUMMARIZE_ABOVE;
        for (int k = 0; k < items.length; k++) {
            if (summarize && k == 3) {
                sb.append(" ...");
                k = items.length - 4;
                continue;
            }
            if (k > 0) {
                sb.append(k % perLine == 0 && !summarize ? "\n " : " ");
            }
            sb.append(items[k]);
        }
        return sb.append(']').toString();
    }
}
