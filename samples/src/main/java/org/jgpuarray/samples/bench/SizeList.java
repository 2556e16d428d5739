package org.jgpuarray.samples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Parses and formats benchmark sizes. A list is comma-separated items, each a number ({@code 1048576}),
 * a power of two ({@code 2^20}), or a range of powers of two {@code A..B} (every power of two from A
 * to B) with an optional factor {@code A..B:4} (A, 4A, 16A, ... up to B). Stateless.
 */
public final class SizeList {
    private SizeList() {
    }

    /**
     * The sizes of a list, ascending and without repeats.
     *
     * @param text e.g. {@code "2^16..2^24:4"} or {@code "1000,2^20"}
     * @throws IllegalArgumentException for malformed text or a size below 1, quoting the item
     */
    public static List<Long> parse(String text) {
        TreeSet<Long> sizes = new TreeSet<>();
        for (String raw : text.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty item in size list '" + text + "'");
            }
            int range = item.indexOf("..");
            if (range < 0) {
                sizes.add(number(item));
                continue;
            }
            String[] factorSplit = item.substring(range + 2).split(":", 2);
            long from = number(item.substring(0, range));
            long to = number(factorSplit[0]);
            long factor = factorSplit.length == 2 ? number(factorSplit[1]) : 2;
            if (factor < 2 || to < from) {
                throw new IllegalArgumentException("range '" + item + "' needs A <= B and a factor of at least 2");
            }
            for (long s = from; s <= to; s = Math.multiplyExact(s, factor)) {
                sizes.add(s);
            }
        }
        return new ArrayList<>(sizes);
    }

    /** A size as {@code 2^k} when it is a power of two, else as a plain number. */
    public static String format(long size) {
        return Long.bitCount(size) == 1 && size >= 16 ? "2^" + Long.numberOfTrailingZeros(size) : Long.toString(size);
    }

    private static long number(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            long v;
            if (t.startsWith("2^")) {
                int exponent = Integer.parseInt(t.substring(2));
                if (exponent < 0 || exponent > 62) {
                    throw new IllegalArgumentException("exponent out of range in '" + s + "'");
                }
                v = 1L << exponent;
            } else {
                v = Long.parseLong(t.replace("_", ""));
            }
            if (v < 1) {
                throw new IllegalArgumentException("sizes must be at least 1, got '" + s + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + s + "' (use e.g. 1048576, 2^20 or 2^16..2^24:4)", e);
        }
    }
}
