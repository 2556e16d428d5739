package org.jgpuarray.kernels.c;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a portable preamble valid OpenCL C 1.2: array (pointer) parameters of helper functions point to
 * {@code __global} memory, where the kernel's arrays are (OpenCL 1.2 has no generic address space, so a
 * plain {@code float *v} would be private and the call would not compile); {@code const} globals live in
 * {@code __constant} memory, the only place OpenCL 1.2 allows program-scope variables.
 */
final class OpenClPreamble {
    private static final Pattern ADDRESS_SPACE =
            Pattern.compile("\\b(__global|global|__local|local|__constant|constant|__private|private|__generic|generic)\\b");
    private static final Pattern CONST = Pattern.compile("\\bconst\\b");

    private OpenClPreamble() {
    }

    static String qualify(String preamble) {
        return TopLevelDeclarations.rewrite(preamble, OpenClPreamble::header);
    }

    private static String header(String header) {
        if (TopLevelDeclarations.isFunction(header)) {
            return parameters(header);
        }
        if (CONST.matcher(header).find() && !ADDRESS_SPACE.matcher(header).find() && !header.isBlank()) {
            return TopLevelDeclarations.prefix(header, "__constant ");
        }
        return header;
    }

    /** A function header with {@code __global} before each pointer or array parameter that names no address space. */
    private static String parameters(String header) {
        int open = header.indexOf('(');
        int close = header.lastIndexOf(')');
        List<String> params = new ArrayList<>();
        for (String p : header.substring(open + 1, close).split(",", -1)) {
            boolean pointer = p.contains("*") || p.contains("[");
            params.add(pointer && !ADDRESS_SPACE.matcher(p).find() ? TopLevelDeclarations.prefix(p, "__global ") : p);
        }
        return header.substring(0, open + 1) + String.join(",", params) + header.substring(close);
    }
}
