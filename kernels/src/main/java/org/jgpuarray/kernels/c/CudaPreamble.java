package org.jgpuarray.kernels.c;

/**
 * Makes a portable preamble valid CUDA: helper functions written as plain C get the
 * {@code __device__} qualifier that CUDA requires, so one preamble serves CUDA, OpenCL and the CPU.
 */
final class CudaPreamble {
    private CudaPreamble() {
    }

    /**
     * Returns {@code preamble} with {@code __device__ } inserted before every top-level function
     * declaration or definition that has neither {@code __device__} nor {@code __global__}.
     */
    static String qualify(String preamble) {
        StringBuilder out = new StringBuilder(preamble.length() + 64);
        int depth = 0;
        int declarationStart = 0;
        int copied = 0;
        int k = 0;
        while (k < preamble.length()) {
            char c = preamble.charAt(k);
            if (c == '/' && k + 1 < preamble.length() && (preamble.charAt(k + 1) == '/' || preamble.charAt(k + 1) == '*')) {
                int end = skipComment(preamble, k);
                if (depth == 0 && preamble.substring(declarationStart, k).isBlank()) {
                    declarationStart = end;
                }
                k = end;
                continue;
            }
            if (c == '#' && depth == 0 && preamble.substring(declarationStart, k).isBlank()) {
                k = endOfDirective(preamble, k);
                declarationStart = k;
                continue;
            }
            if (c == '{') {
                if (depth == 0) {
                    copied = qualifyHeader(preamble, declarationStart, k, out, copied);
                }
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    declarationStart = k + 1;
                }
            } else if (c == ';' && depth == 0) {
                copied = qualifyHeader(preamble, declarationStart, k, out, copied);
                declarationStart = k + 1;
            }
            k++;
        }
        return out.append(preamble, copied, preamble.length()).toString();
    }

    /** Copies text up to the header at {@code [from, to)} and a qualifier when it needs one; returns the new copy mark. */
    private static int qualifyHeader(String text, int from, int to, StringBuilder out, int copied) {
        String header = text.substring(from, to);
        if (!isFunctionHeader(header) || header.contains("__device__") || header.contains("__global__")) {
            return copied;
        }
        int start = from;
        while (start < to && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        out.append(text, copied, start).append("__device__ ");
        return start;
    }

    private static boolean isFunctionHeader(String declaration) {
        String header = declaration.trim();
        return header.endsWith(")") && header.contains("(") && !header.startsWith("typedef")
                && !header.startsWith("struct");
    }

    private static int skipComment(String text, int k) {
        if (text.charAt(k + 1) == '/') {
            int end = text.indexOf('\n', k);
            return end < 0 ? text.length() : end + 1;
        }
        int end = text.indexOf("*/", k + 2);
        return end < 0 ? text.length() : end + 2;
    }

    private static int endOfDirective(String text, int k) {
        while (k < text.length()) {
            int end = text.indexOf('\n', k);
            if (end < 0) {
                return text.length();
            }
            if (end > 0 && text.charAt(end - 1) == '\\') {
                k = end + 1;
                continue;
            }
            return end + 1;
        }
        return text.length();
    }
}
