package org.jgpuarray;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an array the way NumPy's {@code repr} does: {@code array([[1. , 2.5], [3. , 4. ]], dtype=float32)},
 * elements aligned in columns, floats with the fewest digits (at most 8 after the point) that tell the
 * printed values apart, scientific notation when magnitudes span too much, and arrays of more than
 * {@value #THRESHOLD} elements summarised to their first and last {@value #EDGE} items per axis with
 * {@code ...}. Only the printed elements leave the device.
 */
final class ArrayFormatter {
    /** Arrays with more elements than this are summarised. */
    static final int THRESHOLD = 1000;
    /** Items kept at each end of a summarised axis. */
    static final int EDGE = 3;
    private static final int LINE_WIDTH = 75;
    private static final int PRECISION = 8;
    private static final String PREFIX = "array(";

    private final long[] shape;
    private final boolean[] cut;
    private final String[] cells;
    private final int width;

    private ArrayFormatter(long[] shape, boolean[] cut, String[] cells) {
        this.shape = shape;
        this.cut = cut;
        this.cells = cells;
        int w = 0;
        for (String c : cells) {
            w = Math.max(w, c.length());
        }
        this.width = w;
    }

    /** NumPy's repr of {@code a}, fetching only the elements it prints. */
    static String format(GPUArray a) {
        long[] shape = a.shape();
        DType dtype = a.dtype();
        String suffix = suffix(dtype, shape, a.size(), a.size() > THRESHOLD);
        if (a.size() == 0) {
            return PREFIX + "[]" + suffix + ")";
        }
        boolean[] cut = new boolean[shape.length];
        boolean summarise = a.size() > THRESHOLD;
        for (int d = 0; d < shape.length; d++) {
            cut[d] = summarise && shape[d] > 2 * EDGE;
        }
        String[] cells;
        try (GPUArray printed = edges(a, cut)) {
            cells = cells(printed);
        }
        ArrayFormatter f = new ArrayFormatter(shape, cut, cells);
        StringBuilder out = new StringBuilder(PREFIX);
        if (shape.length == 0) {
            out.append(cells[0]);
        } else {
            f.append(out, 0, new int[] {0}, PREFIX.length() + 1);
        }
        return out.append(suffix).append(')').toString();
    }

    /**
     * NumPy names the shape of a summarised array and of an empty one that is not 1-D, and the dtype unless it
     * is the default of its kind (always for an empty array).
     */
    private static String suffix(DType dtype, long[] shape, long size, boolean summarised) {
        boolean defaultType = dtype == DType.FLOAT64 || dtype == DType.INT64 || dtype == DType.BOOL
                || dtype == DType.COMPLEX128;
        String s = "";
        if (summarised || (size == 0 && shape.length != 1)) {
            s += ", shape=" + Shapes.format(shape);
        }
        if (size == 0 || !defaultType) {
            s += ", dtype=" + dtype.numpyName();
        }
        return s;
    }

    /** The array reduced to its first and last {@link #EDGE} items along every cut axis (a view when nothing is cut). */
    private static GPUArray edges(GPUArray a, boolean[] cut) {
        GPUArray current = a.get(Index.ellipsis());
        for (int d = 0; d < cut.length; d++) {
            if (!cut[d]) {
                continue;
            }
            long n = current.shape()[d];
            long[] shape = current.shape();
            shape[d] = 2 * EDGE;
            GPUArray next = a.context().empty(a.dtype(), shape);
            try (GPUArray head = current.get(along(d, Index.range(0, EDGE)));
                 GPUArray tail = current.get(along(d, Index.range(n - EDGE, n)));
                 GPUArray headTarget = next.get(along(d, Index.range(0, EDGE)));
                 GPUArray tailTarget = next.get(along(d, Index.range(EDGE, 2 * EDGE)))) {
                headTarget.assign(head);
                tailTarget.assign(tail);
            } catch (RuntimeException e) {
                next.close();
                current.close();
                throw e;
            }
            current.close();
            current = next;
        }
        return current;
    }

    private static Index[] along(int axis, Index index) {
        Index[] indices = new Index[axis + 1];
        for (int d = 0; d < axis; d++) {
            indices[d] = Index.all();
        }
        indices[axis] = index;
        return indices;
    }

    /** Every printed element as text, in C order, padded to the column width of its kind. */
    private static String[] cells(GPUArray printed) {
        DType dtype = printed.dtype();
        if (dtype == DType.BOOL) {
            boolean[] v = printed.toBooleanArray();
            String[] s = new String[v.length];
            for (int k = 0; k < v.length; k++) {
                s[k] = v[k] ? "True" : "False";
            }
            return padLeft(s);
        }
        if (!dtype.isFloatingPoint() && !dtype.isComplex()) {
            long[] v = printed.toLongArray();
            String[] s = new String[v.length];
            for (int k = 0; k < v.length; k++) {
                s[k] = Long.toString(v[k]);
            }
            return padLeft(s);
        }
        boolean single = dtype == DType.FLOAT32 || dtype == DType.COMPLEX64;
        double[] v;
        if (dtype == DType.COMPLEX64) {
            float[] f = printed.toFloatArray();
            v = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                v[k] = f[k];
            }
        } else {
            v = printed.toDoubleArray();
        }
        if (!dtype.isComplex()) {
            return new FloatColumn(v, 0, 1, single).cells(false);
        }
        String[] re = new FloatColumn(v, 0, 2, single).cells(false);
        String[] im = new FloatColumn(v, 1, 2, single).cells(true);
        String[] s = new String[re.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = re[k] + im[k] + "j";
        }
        return s;
    }

    private static String[] padLeft(String[] s) {
        int w = 0;
        for (String c : s) {
            w = Math.max(w, c.length());
        }
        for (int k = 0; k < s.length; k++) {
            s[k] = " ".repeat(w - s[k].length()) + s[k];
        }
        return s;
    }

    /**
     * Appends the sub-array at {@code axis} whose first cell is {@code next[0]}, advancing it.
     *
     * @param column the output column the opening bracket stands in, plus one
     */
    private void append(StringBuilder out, int axis, int[] next, int column) {
        out.append('[');
        int items = cut[axis] ? 2 * EDGE : (int) shape[axis];
        boolean last = axis == shape.length - 1;
        int lineStart = out.length() - column;
        for (int k = 0; k < items; k++) {
            if (k > 0) {
                out.append(',');
                if (last) {
                    lineStart = wrap(out, lineStart, column);
                } else {
                    out.append("\n".repeat(shape.length - axis - 1)).append(" ".repeat(column));
                }
            }
            if (cut[axis] && k == EDGE) {
                out.append("...,");
                if (last) {
                    lineStart = wrap(out, lineStart, column);
                } else {
                    out.append("\n".repeat(shape.length - axis - 1)).append(" ".repeat(column));
                }
            }
            if (last) {
                out.append(cells[next[0]++]);
            } else {
                append(out, axis + 1, next, column + 1);
            }
        }
        out.append(']');
    }

    /** Puts a space before the next cell, or breaks the line when the cell would pass the line width. */
    private int wrap(StringBuilder out, int lineStart, int column) {
        if (out.length() - lineStart + 1 + width + 2 > LINE_WIDTH) {
            out.append('\n').append(" ".repeat(column));
            return out.length() - column;
        }
        out.append(' ');
        return lineStart;
    }

    /** One column of floats formatted together, as NumPy formats all the elements it prints. */
    private static final class FloatColumn {
        private final double[] values;
        private final boolean single;
        private final boolean scientific;
        private final int digits;

        FloatColumn(double[] all, int first, int step, boolean single) {
            this.values = new double[(all.length - first + step - 1) / step];
            for (int k = 0; k < values.length; k++) {
                values[k] = all[first + k * step];
            }
            this.single = single;
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            for (double v : values) {
                double m = Math.abs(v);
                if (Double.isFinite(v) && m != 0) {
                    max = Math.max(max, m);
                    min = Math.min(min, m);
                }
            }
            this.scientific = max != 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
            int d = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    d = Math.max(d, scientific ? mantissaDigits(v) : fractionDigits(v));
                }
            }
            this.digits = d;
        }

        String[] cells(boolean signed) {
            List<String> integral = new ArrayList<>();
            List<String> fraction = new ArrayList<>();
            for (double v : values) {
                String text = text(v);
                if (signed && !text.startsWith("-")) {
                    text = "+" + text;
                }
                int point = scientific ? text.indexOf('e') : text.indexOf('.');
                if (!Double.isFinite(v)) {
                    integral.add(text);
                    fraction.add("");
                } else {
                    integral.add(text.substring(0, point));
                    fraction.add(text.substring(point));
                }
            }
            int left = 0;
            int right = 0;
            for (int k = 0; k < values.length; k++) {
                if (Double.isFinite(values[k])) {
                    left = Math.max(left, integral.get(k).length());
                    right = Math.max(right, fraction.get(k).length());
                }
            }
            String[] s = new String[values.length];
            for (int k = 0; k < s.length; k++) {
                String i = integral.get(k);
                String f = fraction.get(k);
                if (!Double.isFinite(values[k])) {
                    s[k] = " ".repeat(Math.max(0, left + right - i.length())) + i;
                } else {
                    s[k] = " ".repeat(left - i.length()) + i + f + " ".repeat(right - f.length());
                }
            }
            return padLeft(s);
        }

        private String text(double v) {
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (scientific) {
                if (v == 0) {
                    return (1 / v < 0 ? "-0." : "0.") + "0".repeat(digits) + "e+00";
                }
                BigDecimal b = new BigDecimal(v);
                int exponent = b.precision() - b.scale() - 1;
                BigDecimal mantissa = b.movePointLeft(exponent).setScale(digits, RoundingMode.HALF_EVEN);
                if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
                    exponent++;
                    mantissa = b.movePointLeft(exponent).setScale(digits, RoundingMode.HALF_EVEN);
                }
                String m = mantissa.toPlainString();
                if (digits == 0) {
                    m += ".";
                }
                return m + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
            }
            String t = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
            if (1 / v < 0 && !t.startsWith("-")) {
                t = "-" + t;
            }
            return digits == 0 ? t + "." : trimZeros(t);
        }

        /** Fraction digits printed after trimming trailing zeros, as NumPy pads the rest with spaces. */
        private static String trimZeros(String t) {
            int end = t.length();
            while (t.charAt(end - 1) == '0') {
                end--;
            }
            return t.substring(0, end);
        }

        /** The fewest fraction digits (at most {@value #PRECISION}) that read back as {@code v}. */
        private int fractionDigits(double v) {
            BigDecimal exact = new BigDecimal(v);
            for (int d = 0; d < PRECISION; d++) {
                if (readsBack(exact.setScale(d, RoundingMode.HALF_EVEN), v)) {
                    return d;
                }
            }
            return PRECISION;
        }

        /** The fewest digits after the mantissa's point (at most {@value #PRECISION}) that read back as {@code v}. */
        private int mantissaDigits(double v) {
            if (v == 0) {
                return 0;
            }
            BigDecimal exact = new BigDecimal(v);
            for (int d = 0; d < PRECISION; d++) {
                BigDecimal rounded = exact.round(new MathContext(d + 1, RoundingMode.HALF_EVEN));
                if (readsBack(rounded, v)) {
                    return d;
                }
            }
            return PRECISION;
        }

        private boolean readsBack(BigDecimal printed, double v) {
            return single ? printed.floatValue() == (float) v : printed.doubleValue() == v;
        }
    }
}
