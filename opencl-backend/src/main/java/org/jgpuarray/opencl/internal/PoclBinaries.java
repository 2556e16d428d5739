package org.jgpuarray.opencl.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks of PoCL program binaries before PoCL sees them. PoCL serializes a program from its own kernel
 * cache on disk, which other processes write at the same time; a binary taken while a file was missing
 * holds an empty entry, and loading it back aborts the process on an assertion in PoCL
 * ({@code pocl_binary_get_kernels_metadata: Assertion 'len > 0'}). Such a binary is neither stored nor
 * loaded. PoCL (3.1) also copies a binary's {@value #HEADER}-byte header before it checks the magic, so a
 * shorter binary of any kind reads past its end and crashes the process with SIGSEGV when it ends near a
 * page boundary (seen once in six CI runs on a 35-byte cache entry): no binary that short is handed to any
 * driver, as no driver's program binary is that small. Layouts known here: PoclBinary versions 8 and 9
 * (PoCL 1.6 to 6); other versions and other drivers' longer binaries pass unchecked.
 */
final class PoclBinaries {
    private static final byte[] MAGIC = "poclbin\0".getBytes(StandardCharsets.US_ASCII);
    /** id, device id, version, kernel count, flags. */
    private static final int FIXED_HEADER = 8 + 8 + 4 + 4 + 8;
    /** The program build hash, written as a NUL-terminated string of 40 characters. */
    private static final int HASH = 41;
    /** The fixed header, the root entry count of version 9 and the hash: what PoCL reads of any binary. */
    static final int HEADER = FIXED_HEADER + 4 + HASH;

    private PoclBinaries() {
    }

    /**
     * What is wrong with a binary that PoCL would crash or abort on: one shorter than PoCL's header, or a PoCL
     * binary with an empty entry. Empty when nothing is (a longer binary of another driver included).
     */
    static Optional<String> problem(byte[] binary) {
        if (binary.length < HEADER) {
            return Optional.of("shorter than a program binary's header (" + binary.length + " of " + HEADER
                    + " bytes)");
        }
        if (!Arrays.equals(Arrays.copyOf(binary, MAGIC.length), MAGIC)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(binary).order(ByteOrder.LITTLE_ENDIAN);
        int version = in.getInt(16);
        int kernels = in.getInt(20);
        if (kernels <= 0) {
            return Optional.of("no kernels");
        }
        return switch (version) {
            case 9 -> rootEntries(in, in.getInt(FIXED_HEADER), HEADER);
            case 8 -> programBitcode(in, FIXED_HEADER + HASH);
            default -> Optional.empty();
        };
    }

    /** Version 9: a count of entries, each a 64-bit length and that many bytes, none empty. */
    private static Optional<String> rootEntries(ByteBuffer in, int count, int start) {
        long at = start;
        for (int k = 0; k < count; k++) {
            if (at + Long.BYTES > in.limit()) {
                return Optional.of("truncated in root entry " + k);
            }
            long length = in.getLong((int) at);
            at += Long.BYTES;
            if (length <= 0 || at + length > in.limit()) {
                return Optional.of("root entry " + k + " has length " + length);
            }
            at += length;
        }
        return Optional.empty();
    }

    /** Version 8: the program's bitcode as a path and a content, each a 32-bit length and bytes, neither empty. */
    private static Optional<String> programBitcode(ByteBuffer in, int start) {
        long at = start;
        for (String part : new String[] {"program.bc path", "program.bc content"}) {
            if (at + Integer.BYTES > in.limit()) {
                return Optional.of("truncated in the " + part);
            }
            long length = Integer.toUnsignedLong(in.getInt((int) at));
            at += Integer.BYTES;
            if (length == 0 || at + length > in.limit()) {
                return Optional.of("the " + part + " has length " + length);
            }
            at += length;
        }
        return Optional.empty();
    }
}
