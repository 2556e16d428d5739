package org.jgpuarray.cuda.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgpuarray.cuda.internal.compiler.BinaryCache;
import org.jgpuarray.cuda.internal.compiler.BinaryKind;
import org.jgpuarray.cuda.internal.compiler.CacheLocation;
import org.jgpuarray.cuda.internal.compiler.CachingCompiler;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.cuda.internal.compiler.CudaVersion;
import org.jgpuarray.cuda.internal.compiler.GpuArch;
import org.jgpuarray.cuda.internal.compiler.JnaNvrtcCompiler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache: hits, keys, and damaged entries detected, deleted and rebuilt. */
class BinaryCacheTest {
    private static final CompileTarget TARGET = CompileTarget.ptx(GpuArch.of(8, 0));
    private static final String SOURCE = "extern \"C\" __global__ void k(float *x) { x[0] = 1; }\n";

    @TempDir
    Path dir;

    /** A compiler that counts its calls and returns the source as "PTX". */
    static final class CountingCompiler implements CudaCompiler {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public String description() {
            return "counting compiler";
        }

        @Override
        public CudaVersion version() {
            return new CudaVersion(12, 4);
        }

        @Override
        public List<GpuArch> supportedArchs() {
            return List.of(GpuArch.of(8, 0));
        }

        @Override
        public CudaBinary compile(String name, String source, List<String> options, CompileTarget target) {
            calls.incrementAndGet();
            return new CudaBinary(target.kind(), target.archName(), ("// " + options + "\n" + source)
                    .getBytes(StandardCharsets.UTF_8), "");
        }
    }

    @Test
    void secondCompileHitsTheDisk() {
        CountingCompiler counting = new CountingCompiler();
        CudaBinary first = new CachingCompiler(counting, new BinaryCache(dir), 12040)
                .compile("k", SOURCE, List.of(), TARGET);
        CachingCompiler fresh = new CachingCompiler(counting, new BinaryCache(dir), 12040);
        CudaBinary second = fresh.compile("k", SOURCE, List.of(), TARGET);
        assertEquals(1, counting.calls.get(), "the second compile, in a new cache object, reads the file");
        assertEquals(1, fresh.hits());
        assertArrayEquals(first.image(), second.image());
        assertEquals(BinaryKind.PTX, second.kind());
        assertEquals("compute_80", second.arch());
    }

    @Test
    void everyInputChangesTheKey() {
        String base = BinaryCache.key("nvrtc 11.8", TARGET, 12040, List.of(), SOURCE);
        assertEquals(base, BinaryCache.key("nvrtc 11.8", TARGET, 12040, List.of(), SOURCE));
        assertEquals(64, base.length(), "SHA-256 in hex");
        assertNotEquals(base, BinaryCache.key("nvrtc 12.6", TARGET, 12040, List.of(), SOURCE));
        assertNotEquals(base, BinaryCache.key("nvrtc 11.8", CompileTarget.cubin(GpuArch.of(8, 0)), 12040, List.of(), SOURCE));
        assertNotEquals(base, BinaryCache.key("nvrtc 11.8", CompileTarget.ptx(GpuArch.of(9, 0)), 12040, List.of(), SOURCE));
        assertNotEquals(base, BinaryCache.key("nvrtc 11.8", TARGET, 13000, List.of(), SOURCE));
        assertNotEquals(base, BinaryCache.key("nvrtc 11.8", TARGET, 12040, List.of("-DX=1"), SOURCE));
        assertNotEquals(base, BinaryCache.key("nvrtc 11.8", TARGET, 12040, List.of(), SOURCE + " "));
        assertNotEquals(BinaryCache.key("c", TARGET, 1, List.of("a", "b"), SOURCE),
                BinaryCache.key("c", TARGET, 1, List.of("a b"), SOURCE));
    }

    @Test
    void damagedEntriesAreDeletedAndRebuilt() throws IOException {
        CountingCompiler counting = new CountingCompiler();
        CachingCompiler cached = new CachingCompiler(counting, new BinaryCache(dir), 12040);
        CudaBinary good = cached.compile("k", SOURCE, List.of(), TARGET);
        Path file = onlyEntry();
        byte[] bytes = Files.readAllBytes(file);

        Map<String, byte[]> damages = Map.of(
                "a flipped payload byte", flip(bytes, bytes.length - 3),
                "a flipped header byte", flip(bytes, 2),
                "a truncated payload", java.util.Arrays.copyOf(bytes, bytes.length - 10),
                "an empty file", new byte[0],
                "trailing garbage", concat(bytes, new byte[] {1, 2, 3}),
                "another format", "not a cache entry".getBytes(StandardCharsets.US_ASCII));
        int expectedCalls = 1;
        for (Map.Entry<String, byte[]> damage : damages.entrySet()) {
            Files.write(file, damage.getValue());
            CudaBinary rebuilt = cached.compile("k", SOURCE, List.of(), TARGET);
            expectedCalls++;
            assertEquals(expectedCalls, counting.calls.get(), damage.getKey() + " must be detected and rebuilt");
            assertArrayEquals(good.image(), rebuilt.image(), damage.getKey());
            assertArrayEquals(bytes, Files.readAllBytes(onlyEntry()), damage.getKey() + ": the rebuilt entry is stored");
        }
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        CachingCompiler cached = new CachingCompiler(new CountingCompiler(), new BinaryCache(dir), 0);
        for (int k = 0; k < 5; k++) {
            cached.compile("k" + k, SOURCE + "//" + k, List.of(), TARGET);
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(5, names.size(), names.toString());
            assertTrue(names.stream().allMatch(n -> n.endsWith(".bin")), names.toString());
        }
    }

    @Test
    void unwritableCacheStillCompiles() throws IOException {
        Path blocker = dir.resolve("file-not-folder");
        Files.writeString(blocker, "x");
        CountingCompiler counting = new CountingCompiler();
        CachingCompiler cached = new CachingCompiler(counting, new BinaryCache(blocker.resolve("cuda")), 0);
        cached.compile("k", SOURCE, List.of(), TARGET);
        cached.compile("k", SOURCE, List.of(), TARGET);
        assertEquals(2, counting.calls.get(), "without a usable folder every compile runs, and none fails");
    }

    @Test
    void locationFromEnvironment() {
        Map<String, String> env = Map.of("JGPUARRAY_CACHE_DIR", "/tmp/jga-root", "XDG_CACHE_HOME", "/xdg");
        assertEquals(Path.of("/tmp/jga-root/cuda"), CacheLocation.resolve(k -> null, env::get).orElseThrow());
        assertEquals(Path.of("/xdg/jgpuarray/cuda"),
                CacheLocation.resolve(k -> null, Map.of("XDG_CACHE_HOME", "/xdg")::get).orElseThrow());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "jgpuarray", "cuda"),
                CacheLocation.resolve(k -> null, k -> null).orElseThrow());
        assertFalse(CacheLocation.resolve(k -> null, Map.of("JGPUARRAY_CACHE", "0")::get).isPresent());
        assertFalse(CacheLocation.resolve(Map.of("jgpuarray.cache", "false")::get, env::get).isPresent());
        assertEquals(Path.of("/p/cuda"), CacheLocation.resolve(Map.of("jgpuarray.cache.dir", "/p")::get, env::get)
                .orElseThrow());
    }

    @Test
    @Tag("cuda")
    void realCompilerRoundTrip() {
        CompilerCandidate nvrtc = JnaNvrtcCompiler.locate(List.of());
        if (nvrtc.compiler() == null) {
            System.out.println("SKIPPED BinaryCacheTest.realCompilerRoundTrip: " + nvrtc.reason());
        }
        assumeTrue(nvrtc.compiler() != null, nvrtc::reason);
        CachingCompiler cached = new CachingCompiler(nvrtc.compiler(), new BinaryCache(dir), 0);
        CudaBinary compiled = cached.compile("k", SOURCE, List.of(), CompileTarget.cubin(GpuArch.of(8, 0)));
        CudaBinary loaded = new CachingCompiler(nvrtc.compiler(), new BinaryCache(dir), 0)
                .compile("k", SOURCE, List.of(), CompileTarget.cubin(GpuArch.of(8, 0)));
        assertEquals(1, cached.misses());
        assertArrayEquals(compiled.image(), loaded.image());
        assertEquals(BinaryKind.CUBIN, loaded.kind());
    }

    private Path onlyEntry() throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x5a;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
