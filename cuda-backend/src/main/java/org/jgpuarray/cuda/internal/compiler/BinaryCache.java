package org.jgpuarray.cuda.internal.compiler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A folder of compiled PTX and cubins, one file per key. Each file is a header (magic, format
 * version, kind, architecture, payload length, SHA-256 of the payload) followed by the payload; a file
 * that is truncated, altered or of another format is deleted and reported as a miss, never trusted.
 * Files are written to a temporary name and moved into place atomically, so concurrent processes see
 * whole entries or none. Thread-safe.
 */
public final class BinaryCache {
    private static final byte[] MAGIC = "JGACUDA\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final Path directory;

    /** A cache in {@code directory}, created when first written. */
    public BinaryCache(Path directory) {
        this.directory = directory;
    }

    /** The cache folder. */
    public Path directory() {
        return directory;
    }

    /**
     * The key of one compilation: SHA-256 (hex) over everything that changes the binary.
     *
     * @param compiler      the compiler's description and version
     * @param target        the target
     * @param driverVersion the driver's {@code cuDriverGetVersion} number, 0 when unknown
     * @param options       the options, in order
     * @param source        the full source
     */
    public static String key(String compiler, CompileTarget target, int driverVersion, List<String> options,
                             String source) {
        MessageDigest sha = sha256();
        List<String> parts = new java.util.ArrayList<>(List.of("jgpuarray-cuda-" + FORMAT, compiler, target.toString(),
                Integer.toString(driverVersion), Integer.toString(options.size())));
        parts.addAll(options);
        parts.add(source);
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The file of a key. */
    public Path fileOf(String key) {
        return directory.resolve(key + ".bin");
    }

    /** The entry of {@code key}; empty on a miss, or when the entry was damaged (it is then deleted). */
    public Optional<CudaBinary> load(String key) {
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read CUDA cache entry " + file + ": " + e);
            return Optional.empty();
        }
        Optional<CudaBinary> entry = decode(bytes);
        if (entry.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "discarding damaged CUDA cache entry " + file);
            delete(file);
        }
        return entry;
    }

    /** Stores an entry; failures are logged, never thrown (the cache only saves time). */
    public void store(String key, CudaBinary binary) {
        Path file = fileOf(key);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, key, ".tmp");
            Files.write(temporary, encode(binary));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write CUDA cache entry " + file + ": " + e);
            if (temporary != null) {
                delete(temporary);
            }
        }
    }

    static byte[] encode(CudaBinary binary) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(binary.image().length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeByte(binary.kind().ordinal());
            out.writeUTF(binary.arch());
            out.writeInt(binary.image().length);
            out.write(sha256().digest(binary.image()));
            out.write(binary.image());
        }
        return bytes.toByteArray();
    }

    static Optional<CudaBinary> decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT) {
                return Optional.empty();
            }
            int kind = in.readUnsignedByte();
            String arch = in.readUTF();
            int length = in.readInt();
            byte[] digest = in.readNBytes(32);
            if (kind >= BinaryKind.values().length || length < 0 || length != in.available()) {
                return Optional.empty();
            }
            byte[] image = in.readNBytes(length);
            if (!MessageDigest.isEqual(digest, sha256().digest(image))) {
                return Optional.empty();
            }
            return Optional.of(new CudaBinary(BinaryKind.values()[kind], arch, image, ""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + file + ": " + e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
