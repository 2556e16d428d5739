package org.jgpuarray.kernels.java;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names of generated classes: {@code org.jgpuarray.generated.<Kind>_<kernel name>_<hash of the spec>}. */
final class ClassNames {
    /** The package of every generated kernel class. */
    static final String PACKAGE = "org.jgpuarray.generated";

    private ClassNames() {
    }

    /**
     * The fully qualified class name for a spec.
     *
     * @param kind    {@code Elementwise}, {@code Reduction} or {@code Scan}
     * @param name    the kernel name (a C identifier, hence a Java identifier part)
     * @param content the spec's full content, so that different specs get different names
     */
    static String of(String kind, String name, String content) {
        return PACKAGE + "." + kind + "_" + name + "_" + hash(kind + "\n" + content);
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The simple name of a fully qualified class name. */
    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
