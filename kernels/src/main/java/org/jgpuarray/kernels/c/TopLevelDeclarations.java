package org.jgpuarray.kernels.c;

import java.util.function.UnaryOperator;

/**
 * Finds the top-level declarations of a C preamble (function definitions and prototypes, global
 * variables), skipping comments, string and character literals, preprocessor lines and function bodies, so that a dialect can rewrite
 * their headers: the text of each from its start up to the {@code {} of a body or the {@code ;} that
 * ends it.
 */
final class TopLevelDeclarations {
    private TopLevelDeclarations() {
    }

    /** {@code preamble} with every top-level declaration header replaced by {@code rewrite}'s result for it. */
    static String rewrite(String preamble, UnaryOperator<String> rewrite) {
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
            if (c == '"' || c == '\'') {
                k = endOfLiteral(preamble, k);
                continue;
            }
            if (c == '#' && depth == 0 && preamble.substring(declarationStart, k).isBlank()) {
                k = endOfDirective(preamble, k);
                declarationStart = k;
                continue;
            }
            if (c == '{' && depth == 0 || c == ';' && depth == 0) {
                out.append(preamble, copied, declarationStart).append(rewrite.apply(preamble.substring(declarationStart, k)));
                copied = k;
                if (c == ';') {
                    declarationStart = k + 1;
                }
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    declarationStart = k + 1;
                }
            }
            k++;
        }
        return out.append(preamble, copied, preamble.length()).toString();
    }

    /** True when a declaration header declares a function (it ends with its parameter list). */
    static boolean isFunction(String header) {
        String h = header.trim();
        return h.endsWith(")") && h.contains("(") && !h.startsWith("typedef") && !h.startsWith("struct")
                && !h.contains("=");
    }

    /** {@code header} with {@code word} inserted before its first non-blank character. */
    static String prefix(String header, String word) {
        int start = 0;
        while (start < header.length() && Character.isWhitespace(header.charAt(start))) {
            start++;
        }
        return header.substring(0, start) + word + header.substring(start);
    }

    private static int skipComment(String text, int k) {
        if (text.charAt(k + 1) == '/') {
            int end = text.indexOf('\n', k);
            return end < 0 ? text.length() : end + 1;
        }
        int end = text.indexOf("*/", k + 2);
        return end < 0 ? text.length() : end + 2;
    }

    /** The index after the literal opening at {@code k} (its closing quote, past backslash escapes). */
    private static int endOfLiteral(String text, int k) {
        char quote = text.charAt(k);
        int i = k + 1;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
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
