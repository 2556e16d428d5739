package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk entry format, its damage detection, the key, and the size limit. No device needed. */
class DiskCacheTest {
    private static final String KEY = DiskCache.key("format", "PoCL\n3.1\ncpu\nOpenCL 3.0\n3.1", "", "kernel");
    private static final byte[] PAYLOAD = "a program binary \u0000\u0001\u0002".getBytes();

    @Test
    void roundTripAndAtomicWrite(@TempDir Path dir) throws IOException {
        DiskCache cache = new DiskCache(dir.resolve("nested/opencl"), 1 << 20);
        assertTrue(cache.read(KEY).isEmpty());
        cache.write(KEY, PAYLOAD);
        assertArrayEquals(PAYLOAD, cache.read(KEY).orElseThrow());
        try (Stream<Path> files = Files.list(cache.directory())) {
            assertEquals(List.of(KEY + ".bin"), files.map(p -> p.getFileName().toString()).toList(), "no temp files");
        }
        cache.write(KEY, new byte[] {42});
        assertArrayEquals(new byte[] {42}, cache.read(KEY).orElseThrow(), "replaced");
    }

    @Test
    void everyKindOfDamageIsRejected() {
        byte[] good = DiskCache.encode(KEY, PAYLOAD);
        assertArrayEquals(PAYLOAD, DiskCache.decode(KEY, good).orElseThrow());
        for (int k = 0; k < good.length; k++) {
            byte[] bad = good.clone();
            bad[k] ^= 1;
            assertTrue(DiskCache.decode(KEY, bad).isEmpty(), "bit flip at byte " + k);
        }
        for (int len = 0; len < good.length; len++) {
            assertTrue(DiskCache.decode(KEY, Arrays.copyOf(good, len)).isEmpty(), "truncated to " + len);
        }
        assertTrue(DiskCache.decode(KEY, Arrays.copyOf(good, good.length + 1)).isEmpty(), "trailing byte");
        String otherKey = DiskCache.key("format", "x", "", "kernel");
        assertTrue(DiskCache.decode(otherKey, good).isEmpty(), "entry stored under another key");
    }

    @Test
    void damagedFileIsDeleted(@TempDir Path dir) throws IOException {
        DiskCache cache = new DiskCache(dir, 1 << 20);
        cache.write(KEY, PAYLOAD);
        Files.write(cache.file(KEY), new byte[] {1, 2, 3});
        assertTrue(cache.read(KEY).isEmpty());
        assertFalse(Files.exists(cache.file(KEY)));
        assertEquals(1, cache.damaged());
    }

    @Test
    void unwritableDirectoryOnlyMisses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "x");
        DiskCache cache = new DiskCache(file, 1 << 20);
        cache.write(KEY, PAYLOAD);
        assertTrue(cache.read(KEY).isEmpty());
    }

    @Test
    void keyDependsOnEveryInput() {
        String base = DiskCache.key("1", "device", "-DA", "src");
        assertEquals(64, base.length());
        assertEquals(base, DiskCache.key("1", "device", "-DA", "src"));
        assertNotEquals(base, DiskCache.key("2", "device", "-DA", "src"), "format");
        assertNotEquals(base, DiskCache.key("1", "device 2", "-DA", "src"), "device or driver");
        assertNotEquals(base, DiskCache.key("1", "device", "-DB", "src"), "options");
        assertNotEquals(base, DiskCache.key("1", "device", "", "src"), "no options");
        assertNotEquals(base, DiskCache.key("1", "device", "-DA", "src "), "source");
        assertNotEquals(DiskCache.key("1", "ab", "c"), DiskCache.key("1", "a", "bc"), "fields are length-prefixed");
    }

    @Test
    void theEntriesUsedLeastRecentlyGoWhenTheFolderIsFull(@TempDir Path dir) throws IOException {
        byte[] kilobyte = new byte[1024];
        long entry = DiskCache.encode(KEY, kilobyte).length;
        DiskCache cache = new DiskCache(dir, 3 * entry);
        String[] keys = new String[4];
        for (int k = 0; k < 3; k++) {
            keys[k] = DiskCache.key("entry", Integer.toString(k));
            cache.write(keys[k], kilobyte);
            Files.setLastModifiedTime(cache.file(keys[k]), FileTime.fromMillis(1_000_000L * (k + 1)));
        }
        assertTrue(cache.read(keys[0]).isPresent(), "reading the oldest makes it the most recent");
        keys[3] = DiskCache.key("entry", "3");
        cache.write(keys[3], kilobyte);
        assertTrue(cache.size() <= 3 * entry, "within the limit: " + cache.size());
        assertTrue(Files.exists(cache.file(keys[0])), "recently read");
        assertFalse(Files.exists(cache.file(keys[1])), "least recently used, evicted");
        assertTrue(Files.exists(cache.file(keys[2])));
        assertTrue(Files.exists(cache.file(keys[3])), "just written");
    }
}
