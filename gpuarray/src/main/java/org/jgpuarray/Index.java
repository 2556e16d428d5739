package org.jgpuarray;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an index expression for {@link GPUArray#get(Index...)}, NumPy's basic indexing in Java:
 * {@code a.get(range(1, 5), all(), step(null, null, -2))} is NumPy's {@code a[1:5, :, ::-2]}, which
 * {@code a.get("1:5, :, ::-2")} also reads. Integers select one position and drop the axis (negative ones
 * count from the end), slices keep the axis, {@link #newAxis()} inserts an axis of extent 1, and
 * {@link #ellipsis()} stands for as many full slices as the other entries leave. Immutable.
 */
public abstract sealed class Index {
    private Index() {
    }

    /** Position {@code k} of an axis ({@code -1} is the last); drops the axis. */
    public static Index at(long k) {
        return new Position(k);
    }

    /** Every position: NumPy's {@code :}. */
    public static Index all() {
        return new Slice(null, null, 1);
    }

    /** Positions {@code start} (inclusive) to {@code stop} (exclusive): NumPy's {@code start:stop}. */
    public static Index range(long start, long stop) {
        return new Slice(start, stop, 1);
    }

    /**
     * NumPy's {@code start:stop:step}; a null start or stop means the end the step runs from or to.
     *
     * @param start an integer (Integer or Long), or null
     * @param stop  an integer, or null
     * @throws IllegalArgumentException when step is 0 or a bound is not an integer
     */
    public static Index step(Number start, Number stop, long step) {
        return new Slice(integer(start, "start"), integer(stop, "stop"), step);
    }

    private static Long integer(Number n, String what) {
        if (n == null) {
            return null;
        }
        if (!(n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte)) {
            throw new IllegalArgumentException("slice " + what + " must be an integer, got " + n);
        }
        return n.longValue();
    }

    /** A new axis of extent 1: NumPy's {@code None} / {@code newaxis}. */
    public static Index newAxis() {
        return NewAxis.INSTANCE;
    }

    /** As many full slices as the other entries leave: NumPy's {@code ...}. */
    public static Index ellipsis() {
        return Ellipsis.INSTANCE;
    }

    /**
     * Parses NumPy's index syntax: entries separated by commas, each an integer, a slice
     * {@code [start]:[stop][:step]}, {@code ...}, or {@code None}/{@code newaxis}.
     *
     * @throws IllegalArgumentException naming the entry that does not parse
     */
    public static Index[] parse(String text) {
        Objects.requireNonNull(text, "index");
        if (text.isBlank()) {
            return new Index[0];
        }
        List<Index> entries = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            entries.add(parseOne(text, raw.trim()));
        }
        return entries.toArray(new Index[0]);
    }

    private static Index parseOne(String text, String entry) {
        if (entry.equals("...")) {
            return ellipsis();
        }
        if (entry.equals("None") || entry.equals("newaxis")) {
            return newAxis();
        }
        try {
            if (!entry.contains(":")) {
                return at(Long.parseLong(entry));
            }
            String[] parts = entry.split(":", -1);
            if (parts.length > 3) {
                throw new NumberFormatException();
            }
            Long start = bound(parts[0]);
            Long stop = bound(parts[1]);
            Long step = parts.length == 3 ? bound(parts[2]) : null;
            return new Slice(start, stop, step == null ? 1 : step);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read index entry '" + entry + "' of \"" + text
                    + "\"; expected an integer, start:stop[:step], ..., or None", e);
        }
    }

    private static Long bound(String text) {
        String t = text.trim();
        return t.isEmpty() ? null : Long.valueOf(t);
    }

    /** An integer index. */
    static final class Position extends Index {
        final long index;

        Position(long index) {
            this.index = index;
        }

        @Override
        public String toString() {
            return Long.toString(index);
        }
    }

    /** A slice with NumPy's defaults for null bounds. */
    static final class Slice extends Index {
        final Long start;
        final Long stop;
        final long step;

        Slice(Long start, Long stop, long step) {
            if (step == 0) {
                throw new IllegalArgumentException("slice step cannot be zero");
            }
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        /** The first position, the extent and the step of this slice on an axis of {@code length}. */
        long[] resolve(long length) {
            long first;
            long last;
            if (step > 0) {
                first = start == null ? 0 : clamp(start < 0 ? start + length : start, 0, length);
                last = stop == null ? length : clamp(stop < 0 ? stop + length : stop, 0, length);
                return new long[] {first, last > first ? (last - first + step - 1) / step : 0, step};
            }
            first = start == null ? length - 1 : clamp(start < 0 ? start + length : start, -1, length - 1);
            last = stop == null ? -1 : clamp(stop < 0 ? stop + length : stop, -1, length - 1);
            return new long[] {first, first > last ? (first - last + (-step) - 1) / (-step) : 0, step};
        }

        private static long clamp(long v, long lo, long hi) {
            return Math.max(lo, Math.min(hi, v));
        }

        @Override
        public String toString() {
            return (start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (step == 1 ? "" : ":" + step);
        }
    }

    /** {@code None}. */
    static final class NewAxis extends Index {
        static final NewAxis INSTANCE = new NewAxis();

        @Override
        public String toString() {
            return "None";
        }
    }

    /** {@code ...}. */
    static final class Ellipsis extends Index {
        static final Ellipsis INSTANCE = new Ellipsis();

        @Override
        public String toString() {
            return "...";
        }
    }
}
