package org.jgpuarray.opencl.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The disk-cache key of a program: SHA-256 over the cache format, the library version, the device
 * fingerprint (platform name and version, device name and version, driver version), the build options
 * and the full source, each length-prefixed so that no two different inputs share a key.
 */
final class CacheKey {
    /** Bumped whenever the meaning of a cached entry changes. */
    static final String FORMAT = "jgpuarray-opencl-binary-v1";

    private CacheKey() {
    }

    /** The key as 64 lower-case hex digits. */
    static String of(String deviceFingerprint, List<String> options, String source) {
        return of(LibraryVersion.get(), deviceFingerprint, options, source);
    }

    static String of(String libraryVersion, String deviceFingerprint, List<String> options, String source) {
        MessageDigest sha = sha256();
        for (String part : List.of(FORMAT, libraryVersion, deviceFingerprint, String.join("\u0000", options), source)) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(longBytes(bytes.length));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (v >>> (56 - 8 * k));
        }
        return b;
    }
}
