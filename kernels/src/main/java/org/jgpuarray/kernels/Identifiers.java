package org.jgpuarray.kernels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** Checks of C identifiers used as kernel and argument names. */
public final class Identifiers {
    private static final Set<String> RESERVED = Set.of(
            "i", "n", "auto", "break", "case", "char", "const", "continue", "default", "do", "double",
            "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
            "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
            "unsigned", "void", "volatile", "while", "bool", "true", "false", "kernel", "global", "local",
            "private", "constant", "half");

    private Identifiers() {
    }

    /** True when {@code s} is a C identifier: a letter or underscore, then letters, digits, underscores. */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True for names a kernel argument may not take: C keywords, OpenCL address-space words, and the
     * loop variables {@code i} and {@code n} that every elementwise kernel defines.
     */
    public static boolean isReserved(String s) {
        return RESERVED.contains(s);
    }

    /**
     * A name derived from text: {@code prefix}, an underscore and 16 hex digits of a SHA-256 over the parts.
     * The same parts give the same name in every process, so disk caches keyed by source hit across runs.
     *
     * @param prefix a C identifier
     * @param parts  the text the name stands for; not modified
     */
    public static String derived(String prefix, String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8), (byte) bytes.length});
            sha.update(bytes);
        }
        return prefix + "_" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
