package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.device.ProgramCacheStatistics;

/** The two-level program cache: in memory per device, program binaries on disk across devices and processes. */
@Tag("opencl")
class ProgramCacheTest {
    static final ElementwiseSpec AXPY = ElementwiseSpec.of("cache_axpy", "float a, float *x, float *y",
            "y[i] = a * x[i] + y[i]");

    @Test
    void secondDeviceLoadsTheBinaryInsteadOfCompiling(@TempDir Path dir) throws IOException {
        try (GpuDevice first = OpenClTestDevices.open(dir)) {
            checkAxpy(first);
            first.compile(AXPY);
            assertEquals(new ProgramCacheStatistics(1, 0, 1, 0), first.unwrap(ProgramCacheStatistics.class).orElseThrow());
        }
        assertEquals(1, entries(dir).size(), "one binary on disk");
        try (GpuDevice second = OpenClTestDevices.open(dir)) {
            checkAxpy(second);
            assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), second.unwrap(ProgramCacheStatistics.class).orElseThrow());
        }
    }

    @Test
    void damagedEntriesAreDetectedDeletedAndRebuilt(@TempDir Path dir) throws IOException {
        try (GpuDevice device = OpenClTestDevices.open(dir)) {
            checkAxpy(device);
        }
        Path entry = entries(dir).get(0);
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length - 10] ^= 0x5a;
        Files.write(entry, flipped);
        try (GpuDevice device = OpenClTestDevices.open(dir)) {
            checkAxpy(device);
            assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), device.unwrap(ProgramCacheStatistics.class).orElseThrow(), "flipped byte");
        }
        assertEquals(1, entries(dir).size(), "rewritten in place");

        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));
        try (GpuDevice device = OpenClTestDevices.open(dir)) {
            checkAxpy(device);
            assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), device.unwrap(ProgramCacheStatistics.class).orElseThrow(), "truncated");
        }
        try (GpuDevice device = OpenClTestDevices.open(dir)) {
            checkAxpy(device);
            assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), device.unwrap(ProgramCacheStatistics.class).orElseThrow(), "repaired");
        }
    }

    @Test
    void theDiskCacheCanBeTurnedOff(@TempDir Path dir) throws IOException {
        try (GpuDevice device = OpenClTestDevices.open(CacheSettings.disabled())) {
            checkAxpy(device);
            assertEquals(1, device.unwrap(ProgramCacheStatistics.class).orElseThrow().sourceBuilds());
        }
        try (GpuDevice device = OpenClTestDevices.open(CacheSettings.disabled())) {
            checkAxpy(device);
            assertEquals(1, device.unwrap(ProgramCacheStatistics.class).orElseThrow().sourceBuilds(), "nothing was stored");
        }
        assertEquals(List.of(), entries(dir));
    }

    @Test
    void aSecondProcessDoesNotRecompile(@TempDir Path dir) throws Exception {
        OpenClTestDevices.assumeOpenCl();
        assertEquals("builds=1 loads=0 discarded=0 ok", CacheProbeMain.runInChild(dir, "axpy"));
        assertEquals("builds=0 loads=1 discarded=0 ok", CacheProbeMain.runInChild(dir, "axpy"),
                "a second process compiles nothing");
    }

    /** Runs y = 2x + y on four elements and checks it. */
    static void checkAxpy(GpuDevice device) {
        DeviceBuffer x = device.allocate(ScalarType.FLOAT32, 4);
        DeviceBuffer y = device.allocate(ScalarType.FLOAT32, 4);
        device.copyFromHost(new HostArray.Floats(new float[] {1, 2, 3, 4}), 0, x, 0, 4);
        device.copyFromHost(new HostArray.Floats(new float[] {10, 20, 30, 40}), 0, y, 0, 4);
        device.compile(AXPY).launch(4, new Object[] {2f, x, y});
        float[] out = new float[4];
        device.copyToHost(y, 0, new HostArray.Floats(out), 0, 4);
        assertArrayEquals(new float[] {12, 24, 36, 48}, out);
        x.release();
        y.release();
    }

    private static List<Path> entries(Path root) throws IOException {
        Path dir = root.resolve(OpenClBackend.NAME);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            assertTrue(all.stream().allMatch(p -> p.toString().endsWith(".bin")), "no temporary files left: " + all);
            return all;
        }
    }
}
