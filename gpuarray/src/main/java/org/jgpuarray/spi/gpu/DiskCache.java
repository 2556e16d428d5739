package org.jgpuarray.spi.gpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiled programs on disk, one file {@code <key>.bin} per key: a header (magic, the key itself, the
 * payload's length and SHA-256) and the payload. A file whose header, length or checksum does not match
 * is deleted and reported absent, never trusted; so is one that {@link #delete} is told was rejected by the
 * driver or lacks a kernel. Files are written to a temporary name and moved into place atomically, so
 * concurrent processes see whole entries or none. Each hit touches its file; when a write takes the
 * folder past its size limit, the entries used least recently are deleted until it fits. I/O failures
 * never fail a build: the cache just misses. Thread-safe.
 */
public final class DiskCache {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");
    private static final byte[] MAGIC = "JGABIN02".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 64;
    private static final int DIGEST_LENGTH = 32;
    private static final int HEADER = MAGIC.length + KEY_LENGTH + Long.BYTES + DIGEST_LENGTH;

    private final Path directory;
    private final long maxBytes;
    private final AtomicLong damaged = new AtomicLong();
    private volatile boolean warnedAboutWrites;

    /**
     * @param directory the folder, created on the first write
     * @param maxBytes  the most bytes the folder may hold
     */
    public DiskCache(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** The folder. */
    public Path directory() {
        return directory;
    }

    /**
     * The key of a program: SHA-256 (64 hex digits) over each part, length-prefixed so that no two
     * different inputs share a key.
     */
    public static String key(String... parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The file of a key. */
    public Path file(String key) {
        return directory.resolve(key + ".bin");
    }

    /** The payload stored under {@code key}; empty when absent or damaged (a damaged file is deleted). */
    public Optional<byte[]> read(String key) {
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | OutOfMemoryError e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot read cache entry " + file + ": " + e);
            return Optional.empty();
        }
        Optional<byte[]> payload = decode(key, bytes);
        if (payload.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "deleting a damaged cache entry: " + file);
            damaged.incrementAndGet();
            delete(key);
        } else {
            touch(file);
        }
        return payload;
    }

    /** Stores {@code payload} under {@code key}, atomically replacing any older entry, then keeps the size limit. */
    public void write(String key, byte[] payload) {
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
            evict();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            if (!warnedAboutWrites) {
                warnedAboutWrites = true;
                LOG.log(System.Logger.Level.WARNING, "cannot write the program cache in " + directory + ": " + e);
            }
            deleteQuietly(temp);
        }
    }

    /** Removes the entry of {@code key}, if any (a binary the driver rejected, or one that lacks a kernel). */
    public void delete(String key) {
        deleteQuietly(file(key));
    }

    /** Damaged entries found (and deleted) by {@link #read} so far. */
    public long damaged() {
        return damaged.get();
    }

    /** Bytes the entries take now. */
    public long size() {
        return entries().stream().mapToLong(Entry::bytes).sum();
    }

    /** An entry's bytes, as {@link #write} stores them; for tests that damage entries on purpose. */
    public static byte[] encode(String key, byte[] payload) {
        return ByteBuffer.allocate(HEADER + payload.length).put(MAGIC).put(key.getBytes(StandardCharsets.US_ASCII))
                .putLong(payload.length).put(sha256().digest(payload)).put(payload).array();
    }

    /** The payload of an entry file, checked against the key its name gives; for tests. */
    public static Optional<byte[]> decode(Path file) throws IOException {
        return decode(file.getFileName().toString().replace(".bin", ""), Files.readAllBytes(file));
    }

    static Optional<byte[]> decode(String key, byte[] bytes) {
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
        return MessageDigest.isEqual(digest, sha256().digest(payload)) ? Optional.of(payload) : Optional.empty();
    }

    /** Deletes the least recently used entries until the folder fits its limit. */
    private void evict() {
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::bytes).sum();
        if (total <= maxBytes) {
            return;
        }
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            deleteQuietly(e.file());
            total -= e.bytes();
            LOG.log(System.Logger.Level.DEBUG, () -> "evicted " + e.file() + " to keep the cache under " + maxBytes
                    + " bytes");
        }
    }

    private record Entry(Path file, long bytes, FileTime used) {
    }

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.bin")) {
            for (Path f : files) {
                try {
                    entries.add(new Entry(f, Files.size(f), Files.getLastModifiedTime(f)));
                } catch (IOException e) {
                    // deleted by another process meanwhile
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot list " + directory + ": " + e);
        }
        return entries;
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // least-recently-used order is a hint only
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "cannot delete " + file + ": " + e);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
