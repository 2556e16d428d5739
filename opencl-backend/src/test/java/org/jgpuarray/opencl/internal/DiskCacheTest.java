package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk entry format, its damage detection and the key. No device needed. */
class DiskCacheTest {
    private static final String KEY = CacheKey.of("1.0", "PoCL\n3.1\ncpu\nOpenCL 3.0\n3.1", List.of(), "kernel");
    private static final byte[] PAYLOAD = "a program binary \u0000\u0001\u0002".getBytes();

    @Test
    void roundTripAndAtomicWrite(@TempDir Path dir) throws IOException {
        DiskCache cache = new DiskCache(dir.resolve("nested/opencl"));
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
        assertArrayEquals(PAYLOAD, DiskCache.parse(KEY, good).orElseThrow());
        for (int k = 0; k < good.length; k++) {
            byte[] bad = good.clone();
            bad[k] ^= 1;
            assertTrue(DiskCache.parse(KEY, bad).isEmpty(), "bit flip at byte " + k);
        }
        for (int len = 0; len < good.length; len++) {
            assertTrue(DiskCache.parse(KEY, Arrays.copyOf(good, len)).isEmpty(), "truncated to " + len);
        }
        assertTrue(DiskCache.parse(KEY, Arrays.copyOf(good, good.length + 1)).isEmpty(), "trailing byte");
        String otherKey = CacheKey.of("1.0", "x", List.of(), "kernel");
        assertTrue(DiskCache.parse(otherKey, good).isEmpty(), "entry stored under another key");
    }

    @Test
    void damagedFileIsDeleted(@TempDir Path dir) throws IOException {
        DiskCache cache = new DiskCache(dir);
        cache.write(KEY, PAYLOAD);
        Files.write(cache.file(KEY), new byte[] {1, 2, 3});
        assertTrue(cache.read(KEY).isEmpty());
        assertFalse(Files.exists(cache.file(KEY)));
        assertEquals(1, cache.takeDiscarded());
        assertEquals(0, cache.takeDiscarded());
    }

    @Test
    void unwritableDirectoryOnlyMisses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "x");
        DiskCache cache = new DiskCache(file);
        cache.write(KEY, PAYLOAD);
        assertTrue(cache.read(KEY).isEmpty());
    }

    @Test
    void keyDependsOnEveryInput() {
        String base = CacheKey.of("1", "device", List.of("-DA"), "src");
        assertEquals(64, base.length());
        assertEquals(base, CacheKey.of("1", "device", List.of("-DA"), "src"));
        assertNotEquals(base, CacheKey.of("2", "device", List.of("-DA"), "src"), "library version");
        assertNotEquals(base, CacheKey.of("1", "device 2", List.of("-DA"), "src"), "device or driver");
        assertNotEquals(base, CacheKey.of("1", "device", List.of("-DB"), "src"), "options");
        assertNotEquals(base, CacheKey.of("1", "device", List.of(), "src"), "no options");
        assertNotEquals(base, CacheKey.of("1", "device", List.of("-DA"), "src "), "source");
        assertNotEquals(CacheKey.of("1", "ab", List.of(), "c"), CacheKey.of("1", "a", List.of(), "bc"),
                "fields are length-prefixed");
    }
}
