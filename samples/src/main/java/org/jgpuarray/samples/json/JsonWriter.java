package org.jgpuarray.samples.json;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes maps, collections, strings, numbers, booleans and nulls as indented JSON text. Non-finite
 * numbers become {@code null}, as JSON has no NaN; map keys are written with {@code toString()}.
 * Stateless and thread-safe.
 */
public final class JsonWriter {
    private static final String INDENT = "  ";

    private JsonWriter() {
    }

    /**
     * The JSON text of {@code value}.
     *
     * @param value a {@link Map}, {@link Collection}, array of objects, {@link CharSequence}, {@link Number},
     *              {@link Boolean}, {@link Enum} or null; not modified
     * @throws IllegalArgumentException for any other type, naming it
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map, depth);
        } else if (value instanceof Collection<?> list) {
            appendArray(out, list.iterator(), list.isEmpty(), depth);
        } else if (value instanceof Object[] array) {
            appendArray(out, java.util.Arrays.asList(array).iterator(), array.length == 0, depth);
        } else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Character) {
            appendString(out, value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? numberText(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static String numberText(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String sep = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(sep);
            indent(out, depth + 1);
            appendString(out, String.valueOf(e.getKey()));
            out.append(": ");
            append(out, e.getValue(), depth + 1);
            sep = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void appendArray(StringBuilder out, Iterator<?> items, boolean empty, int depth) {
        if (empty) {
            out.append("[]");
            return;
        }
        out.append('[');
        String sep = "\n";
        while (items.hasNext()) {
            out.append(sep);
            indent(out, depth + 1);
            append(out, items.next(), depth + 1);
            sep = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append(']');
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append(INDENT.repeat(depth));
    }
}
