package org.jgpuarray.opencl.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Program binaries on disk, one file per {@link CacheKey}: {@code <key>.bin} holding a header (magic,
 * the key, the payload length, the payload's SHA-256) and the payload. A file whose header, length or
 * checksum does not match is deleted and reported absent, never trusted. Files are written to a
 * temporary name and moved into place atomically, so concurrent processes see whole entries or none.
 * I/O failures never fail a build: the cache just misses.
 */
final class DiskCache {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");
    private static final byte[] MAGIC = "JGAOCLB1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 64;
    private static final int DIGEST_LENGTH = 32;
    private static final int HEADER = MAGIC.length + KEY_LENGTH + Long.BYTES + DIGEST_LENGTH;
    private static final long MAX_ENTRY = 1L << 30;

    private final Path directory;
    private boolean warnedAboutWrites;
    private long discarded;

    DiskCache(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** The file of a key. */
    Path file(String key) {
        return directory.resolve(key + ".bin");
    }

    /** The payload stored under {@code key}, or empty when absent or damaged (a damaged file is deleted). */
    Optional<byte[]> read(String key) {
        Path file = file(key);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_ENTRY) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<byte[]> payload = parse(key, bytes);
        if (payload.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "deleting a damaged OpenCL cache entry: " + file);
            discarded++;
            delete(key);
        }
        return payload;
    }

    /** Damaged entries deleted since the last call; resets the count. */
    long takeDiscarded() {
        long d = discarded;
        discarded = 0;
        return d;
    }

    /** Stores {@code payload} under {@code key}, atomically replacing any older entry. */
    void write(String key, byte[] payload) {
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, key + ".", ".tmp");
            Files.write(temp, encode(key, payload));
            try {
                Files.move(temp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (!warnedAboutWrites) {
                warnedAboutWrites = true;
                LOG.log(System.Logger.Level.WARNING, "cannot write the OpenCL program cache in " + directory + ": " + e);
            }
            deleteQuietly(temp);
        }
    }

    /** Removes the entry of {@code key}, if any. */
    void delete(String key) {
        deleteQuietly(file(key));
    }

    static byte[] encode(String key, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
        out.put(MAGIC).put(key.getBytes(StandardCharsets.US_ASCII)).putLong(payload.length)
                .put(CacheKey.sha256().digest(payload)).put(payload);
        return out.array();
    }

    static Optional<byte[]> parse(String key, byte[] bytes) {
        if (key.length() != KEY_LENGTH || bytes.length < HEADER) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        byte[] storedKey = new byte[KEY_LENGTH];
        byte[] digest = new byte[DIGEST_LENGTH];
        in.get(magic).get(storedKey);
        long length = in.getLong();
        in.get(digest);
        if (!Arrays.equals(magic, MAGIC) || !Arrays.equals(storedKey, key.getBytes(StandardCharsets.US_ASCII))
                || length != bytes.length - HEADER) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(bytes, HEADER, bytes.length);
        return MessageDigest.isEqual(digest, CacheKey.sha256().digest(payload)) ? Optional.of(payload)
                : Optional.empty();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot delete " + file + ": " + e);
            }
        }
    }
}
