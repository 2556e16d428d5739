package org.jgpuarray.reliability;

import java.lang.reflect.Array;

/**
 * How one case ended.
 *
 * @param status PASS, FAIL or SKIP
 * @param detail why it failed or was skipped; empty for a pass
 */
public record Verdict(Status status, String detail) {
    /** The outcome of a case. */
    public enum Status { PASS, FAIL, SKIP }

    static Verdict pass() {
        return new Verdict(Status.PASS, "");
    }

    static Verdict fail(String why) {
        return new Verdict(Status.FAIL, why);
    }

    static Verdict skip(String why) {
        return new Verdict(Status.SKIP, why);
    }

    /** One line for the child JVM's result file: tabs and line breaks escaped. */
    String encode() {
        return status + "\t" + detail.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    static Verdict decode(String line) {
        int tab = line.indexOf('\t');
        String detail = line.substring(tab + 1).replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
        return new Verdict(Status.valueOf(line.substring(0, tab)), detail);
    }

    /** A value or exception as failures show it: arrays by their elements (at most 12), exceptions with type. */
    static String describe(Object value) {
        if (value instanceof Throwable t) {
            StackTraceElement[] trace = t.getStackTrace();
            String where = trace.length > 0 ? " at " + trace[0] : "";
            return t.getClass().getName() + ": " + t.getMessage() + where;
        }
        if (value == null || !value.getClass().isArray()) {
            return String.valueOf(value);
        }
        int n = Array.getLength(value);
        StringBuilder s = new StringBuilder(value.getClass().getComponentType().getSimpleName() + "[" + n + "] {");
        for (int k = 0; k < Math.min(n, 12); k++) {
            s.append(k == 0 ? "" : ", ").append(Array.get(value, k));
        }
        return s.append(n > 12 ? ", ...}" : "}").toString();
    }

    /** A numeric array or number as doubles; null for anything else. */
    static double[] doubles(Object value) {
        if (value instanceof Number number) {
            return new double[] {number.doubleValue()};
        }
        if (value == null || !value.getClass().isArray() || value.getClass().getComponentType() == boolean.class) {
            return null;
        }
        double[] d = new double[Array.getLength(value)];
        for (int k = 0; k < d.length; k++) {
            d[k] = ((Number) Array.get(value, k)).doubleValue();
        }
        return d;
    }
}
