package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jgpuarray.device.ProgramCacheStatistics;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.opencl.OpenClBackend;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.spi.gpu.DiskCache;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cache entries with a valid header but a bad binary, on a real OpenCL driver: a foreign binary the driver
 * refuses, and a swapped binary the driver loads but that lacks the kernel. Both are deleted and rebuilt.
 */
@Tag("opencl")
class RejectedBinaryTest {
    private static final ElementwiseSpec NEGATE = ElementwiseSpec.of("cache_negate", "float *x", "x[i] = -x[i]");
    private static final ElementwiseSpec DOUBLE = ElementwiseSpec.of("cache_twice", "float *x", "x[i] = 2 * x[i]");

    @Test
    void binaryTheDriverRejectsIsDeletedAndRebuilt(@TempDir Path dir) throws IOException {
        ClDeviceHandle handle = SimulatedDevices.real();
        compileIn(handle, dir, NEGATE);
        Path entry = onlyEntry(dir);
        rewrite(entry, "not a program binary of this driver; ".repeat(8).getBytes(StandardCharsets.US_ASCII));
        assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), compileIn(handle, dir, NEGATE));
        assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), compileIn(handle, dir, NEGATE), "repaired");
    }

    /** A short entry never reaches the driver: PoCL reads past the end of a binary shorter than its header. */
    @Test
    void binaryShorterThanAnyHeaderIsDeletedAndRebuiltWithoutTheDriver(@TempDir Path dir) throws IOException {
        ClDeviceHandle handle = SimulatedDevices.real();
        compileIn(handle, dir, NEGATE);
        rewrite(onlyEntry(dir), "not a program binary of this driver".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), compileIn(handle, dir, NEGATE));
        assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), compileIn(handle, dir, NEGATE), "repaired");
    }

    @Test
    void swappedBinaryThatLacksTheKernelIsDeletedAndRebuilt(@TempDir Path dir, @TempDir Path other) throws IOException {
        ClDeviceHandle handle = SimulatedDevices.real();
        compileIn(handle, dir, NEGATE);
        compileIn(handle, other, DOUBLE);
        byte[] otherBinary = DiskCache.decode(onlyEntry(other)).orElseThrow();
        Path entry = onlyEntry(dir);
        rewrite(entry, otherBinary);
        assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), compileIn(handle, dir, NEGATE),
                "a valid program without the kernel is not trusted");
        assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), compileIn(handle, dir, NEGATE), "repaired");
    }

    private static ProgramCacheStatistics compileIn(ClDeviceHandle handle, Path root, ElementwiseSpec spec) {
        try (GpuDevice device = new GpuDevice(OpenClDriver.open(handle), CacheSettings.at(root), OpenClBackend.NAME)) {
            device.compile(spec);
            return device.unwrap(ProgramCacheStatistics.class).orElseThrow();
        }
    }

    private static void rewrite(Path entry, byte[] payload) throws IOException {
        String key = entry.getFileName().toString().replace(".bin", "");
        Files.write(entry, DiskCache.encode(key, payload));
    }

    private static Path onlyEntry(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(OpenClBackend.NAME))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
