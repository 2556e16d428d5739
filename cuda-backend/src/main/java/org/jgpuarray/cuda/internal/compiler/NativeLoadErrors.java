package org.jgpuarray.cuda.internal.compiler;

import java.util.List;

/**
 * Reads JCuda's native-library load failures, whose message nests every attempt's stack trace, down
 * to the line that says what is missing, e.g. {@code libcuda.so.1: cannot open shared object file}.
 */
public final class NativeLoadErrors {
    private NativeLoadErrors() {
    }

    /**
     * The most telling line of a load failure: the dynamic loader's complaint of the last attempt,
     * without the temporary file's path; else the message's first line.
     */
    public static String reason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        List<String> complaints = message.lines().filter(l -> l.startsWith("java.lang.UnsatisfiedLinkError: /")).toList();
        if (!complaints.isEmpty()) {
            String last = complaints.get(complaints.size() - 1);
            int colon = last.indexOf(".so: ");
            return colon >= 0 ? last.substring(colon + 5).trim() : last;
        }
        return e.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
    }

    /** True when the failure says that {@code soname} could not be found. */
    public static boolean missing(Throwable e, String soname) {
        return String.valueOf(e.getMessage()).contains(soname + ": cannot open shared object file");
    }
}
