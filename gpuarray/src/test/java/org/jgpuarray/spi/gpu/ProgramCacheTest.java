package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.device.ProgramCacheStatistics;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program cache over a driver whose "compiler" copies the source into the binary and whose programs
 * define the kernels named on {@code KERNEL} lines: hits in memory and on disk, and the repair of entries
 * that are damaged, rejected by the driver, or lack a kernel they should have. No device needed.
 */
class ProgramCacheTest {
    private static final String SOURCE = "KERNEL scale\nKERNEL shift\n";
    private static final List<String> REQUIRED = List.of("scale", "shift");

    @Test
    void memoryThenDiskThenMemory(@TempDir Path dir) {
        ProgramCache first = new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20));
        GpuProgram program = first.get("p", SOURCE, List.of(), REQUIRED);
        assertSame(program, first.get("p", SOURCE, List.of(), REQUIRED));
        assertEquals(new ProgramCacheStatistics(1, 0, 1, 0), first.statistics());
        ProgramCache second = new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20));
        second.get("p", SOURCE, List.of(), REQUIRED);
        assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), second.statistics(), "another process loads from disk");
        second.get("p", SOURCE, List.of("-DX=1"), REQUIRED);
        assertEquals(1, second.statistics().sourceBuilds(), "options are part of the key");
    }

    @Test
    void anEntryThatLacksAKernelIsDeletedAndRebuiltOnce(@TempDir Path dir) throws IOException {
        new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20)).get("p", SOURCE, List.of(), REQUIRED);
        Path entry = onlyEntry(dir);
        String key = entry.getFileName().toString().replace(".bin", "");
        Files.write(entry, DiskCache.encode(key, "KERNEL scale\n".getBytes(StandardCharsets.UTF_8)));
        ProgramCache repairing = new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20));
        repairing.get("p", SOURCE, List.of(), REQUIRED);
        assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), repairing.statistics(), "swapped binary: rebuilt");
        ProgramCache repaired = new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20));
        repaired.get("p", SOURCE, List.of(), REQUIRED);
        assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), repaired.statistics(), "the rebuilt entry loads");
    }

    @Test
    void aBinaryTheDriverRejectsIsDeletedAndRebuilt(@TempDir Path dir) throws IOException {
        new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20)).get("p", SOURCE, List.of(), REQUIRED);
        Path entry = onlyEntry(dir);
        String key = entry.getFileName().toString().replace(".bin", "");
        Files.write(entry, DiskCache.encode(key, "REJECT: a stale binary".getBytes(StandardCharsets.UTF_8)));
        ProgramCache repairing = new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20));
        repairing.get("p", SOURCE, List.of(), REQUIRED);
        assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), repairing.statistics());
        assertEquals(List.of(entry), List.of(onlyEntry(dir)), "one entry, rewritten");
    }

    @Test
    void aTruncatedEntryIsRebuilt(@TempDir Path dir) throws IOException {
        new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20)).get("p", SOURCE, List.of(), REQUIRED);
        Path entry = onlyEntry(dir);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        ProgramCache repairing = new ProgramCache(new ListingDriver(), new DiskCache(dir, 1 << 20));
        repairing.get("p", SOURCE, List.of(), REQUIRED);
        assertEquals(1, repairing.statistics().sourceBuilds());
        assertEquals(0, repairing.statistics().binaryLoads());
    }

    @Test
    void withoutADiskCacheEveryProcessBuilds() {
        ProgramCache cache = new ProgramCache(new ListingDriver(), null);
        cache.get("p", SOURCE, List.of(), REQUIRED);
        assertEquals(new ProgramCacheStatistics(1, 0, 0, 0), cache.statistics());
    }

    @Test
    void releaseAllReleasesEveryProgramOnce() {
        ListingDriver driver = new ListingDriver();
        ProgramCache cache = new ProgramCache(driver, null);
        cache.get("p", SOURCE, List.of(), REQUIRED);
        cache.get("q", "KERNEL other\n", List.of(), List.of("other"));
        cache.releaseAll();
        assertEquals(2, driver.released.size());
        cache.releaseAll();
        assertEquals(2, driver.released.size());
    }

    private static Path onlyEntry(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** A driver whose programs are the lists of kernel names in their text. */
    private static final class ListingDriver implements GpuDriver {
        final List<GpuProgram> released = new ArrayList<>();

        @Override
        public DeviceInfo info() {
            return DeviceInfo.builder("test", "listing device", DeviceType.GPU).build();
        }

        @Override
        public Dialect dialect() {
            return Dialect.OPENCL;
        }

        @Override
        public LaunchLimits limits() {
            return new LaunchLimits(new long[] {1, 1, 1}, new long[] {1, 1, 1}, 1, 0, 0);
        }

        @Override
        public String binaryFingerprint() {
            return "listing 1.0";
        }

        @Override
        public GpuProgram build(String name, String source, List<String> options) {
            return new Listing(source);
        }

        @Override
        public Optional<GpuProgram> load(String name, byte[] binary, List<String> options) {
            String text = new String(binary, StandardCharsets.UTF_8);
            return text.startsWith("REJECT") ? Optional.empty() : Optional.of(new Listing(text));
        }

        @Override
        public DeviceBuffer allocate(long bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void read(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void copy(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void synchronize() {
        }

        @Override
        public DeviceTimer startTimer() {
            return () -> 0;
        }

        @Override
        public void close() {
        }

        private final class Listing implements GpuProgram {
            private final String text;

            Listing(String text) {
                this.text = text;
            }

            @Override
            public byte[] binary() {
                return text.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Optional<GpuKernel> kernel(String name) {
                if (!text.lines().anyMatch(l -> l.equals("KERNEL " + name))) {
                    return Optional.empty();
                }
                return Optional.of(new GpuKernel() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public int maxBlockSize() {
                        return 1;
                    }

                    @Override
                    public void launch(long[] grid, long[] block, long sharedBytes, Object[] args) {
                        throw new UnsupportedOperationException();
                    }
                });
            }

            @Override
            public void release() {
                assertTrue(!released.contains(this), "released twice");
                released.add(this);
            }
        }
    }
}
