package org.jgpuarray.fuzz;

import java.lang.reflect.Array;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.device.KernelCompilationException;

/**
 * A discrepancy: outputs that disagree, or a case that one backend (or both) refused or failed to run.
 * Its report holds everything needed to reproduce it: the seed, the snippet, the inputs and both outputs.
 */
record Finding(FuzzCase fuzzCase, Kind kind, String output, int element, String detail) {
    enum Kind { MISMATCH, REFUSED_BY_REFERENCE, REFUSED_BY_OTHER, REFUSED_BY_BOTH }

    static Finding mismatch(FuzzCase c, String output, int element, String diff) {
        return new Finding(c, Kind.MISMATCH, output, element, diff);
    }

    static Finding failed(FuzzCase c, RuntimeException reference, RuntimeException other) {
        Kind kind = reference != null && other != null ? Kind.REFUSED_BY_BOTH
                : reference != null ? Kind.REFUSED_BY_REFERENCE : Kind.REFUSED_BY_OTHER;
        StringBuilder s = new StringBuilder();
        if (reference != null) {
            s.append("CPU: ").append(summary(reference)).append('\n');
        }
        if (other != null) {
            s.append("other: ").append(summary(other)).append('\n');
        }
        return new Finding(c, kind, null, -1, s.toString());
    }

    /** The exception's class and the lines of its message that say what went wrong (errors of a build log). */
    static String summary(Throwable e) {
        String message = String.valueOf(e.getMessage());
        StringBuilder s = new StringBuilder(e.getClass().getSimpleName()).append(": ");
        message.lines().filter(l -> !l.matches("\\s*\\d+\\|.*")).limit(12).forEach(l -> s.append(l).append('\n'));
        if (e instanceof KernelCompilationException k) {
            java.util.Set<Integer> lines = new java.util.TreeSet<>();
            for (String l : k.log().lines().filter(l -> l.contains("error")).toList()) {
                Matcher m = LOG_LINE.matcher(l);
                if (m.find() && lines.size() < 6) {
                    lines.add(Integer.parseInt(m.group(1)));
                }
            }
            List<String> source = k.numberedSource().lines().toList();
            for (int line : lines) {
                if (line >= 1 && line <= source.size()) {
                    s.append("  source ").append(source.get(line - 1).strip()).append('\n');
                }
            }
        }
        return s.toString().strip();
    }

    /** {@code file.cl:12:5: error} (Clang) or {@code file.cu(12): error} (NVRTC). */
    private static final Pattern LOG_LINE = Pattern.compile("\\.(?:cl|cu)[:(](\\d+)");

    /** A short key that groups findings of one cause (kind and first message line). */
    String signature() {
        if (kind == Kind.MISMATCH) {
            return kind + " " + output.replaceAll("^[a-z0-9]+_", "");
        }
        return kind + " " + detail.lines().findFirst().orElse("").replaceAll("c\\d+_|r\\d+_", "").replaceAll("\\d+", "#");
    }

    String report() {
        StringBuilder s = new StringBuilder();
        s.append(kind).append(element >= 0 ? " in " + output + "[" + element + "]: " : output != null ? " in " + output + ": " : ": ")
                .append(detail.strip()).append('\n');
        s.append(fuzzCase.describe());
        s.append("inputs").append(element >= 0 ? " at element " + element : "").append(":\n");
        for (FuzzCase.Arg a : fuzzCase.arguments()) {
            s.append("    ").append(a.declaration()).append(" = ");
            if (!a.array()) {
                s.append(a.values());
            } else if (element >= 0) {
                s.append(Array.get(a.values(), element)).append(a.check() != null ? " (before the run)" : "");
            } else {
                s.append(preview(a.values()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String preview(Object values) {
        int n = Array.getLength(values);
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < Math.min(n, 12); k++) {
            s.append(k == 0 ? "" : ", ").append(Array.get(values, k));
        }
        return s.append(n > 12 ? ", ... (" + n + " values)]" : "]").toString();
    }
}
