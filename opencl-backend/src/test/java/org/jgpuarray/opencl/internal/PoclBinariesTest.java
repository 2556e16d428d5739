package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jgpuarray.device.ProgramCacheStatistics;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.opencl.CacheProbeMain;
import org.jgpuarray.opencl.OpenClBackend;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.spi.gpu.DiskCache;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoCL binaries with an empty entry, as PoCL writes them when its kernel cache changes under it, are neither
 * stored nor handed to PoCL, which would abort the process on them.
 */
@Tag("opencl")
class PoclBinariesTest {
    private static final ElementwiseSpec FILL = ElementwiseSpec.of("pocl_fill", "float *x", "x[i] = 3");

    @Test
    void longerBinariesOfOtherDriversPass() {
        assertTrue(PoclBinaries.problem(new byte[PoclBinaries.HEADER]).isEmpty());
        assertTrue(PoclBinaries.problem("not a pocl binary at all ".repeat(4).getBytes()).isEmpty());
    }

    /** PoCL 3.1 copies a 77-byte header out of any binary before checking it: SIGSEGV at a page's end. */
    @Test
    void binariesShorterThanTheHeaderAreRefusedWhateverTheyHold() {
        assertEquals("shorter than a program binary's header (0 of 77 bytes)",
                PoclBinaries.problem(new byte[0]).orElseThrow());
        assertEquals("shorter than a program binary's header (35 of 77 bytes)",
                PoclBinaries.problem("not a program binary of this driver".getBytes()).orElseThrow());
        assertEquals("shorter than a program binary's header (8 of 77 bytes)",
                PoclBinaries.problem("poclbin\0".getBytes()).orElseThrow());
        assertTrue(PoclBinaries.problem(new byte[PoclBinaries.HEADER - 1]).isPresent());
    }

    @Test
    void aRealBinaryPassesAndThePoisonedOneIsRefused(@TempDir Path dir) throws IOException {
        byte[] binary = realBinary(dir);
        assertTrue(PoclBinaries.problem(binary).isEmpty(), "PoCL's own binary");
        byte[] poisoned = poison(binary);
        assertTrue(PoclBinaries.problem(poisoned).orElseThrow().contains("length 0"),
                PoclBinaries.problem(poisoned).toString());
    }

    @Test
    void aPoisonedCacheEntryIsRebuiltInsteadOfAbortingTheJvm(@TempDir Path dir) throws Exception {
        realBinary(dir);
        Path entry = onlyEntry(dir);
        byte[] payload = DiskCache.decode(entry).orElseThrow();
        Files.write(entry, DiskCache.encode(entry.getFileName().toString().replace(".bin", ""), poison(payload)));
        assertEquals("builds=1 loads=0 discarded=1 ok", CacheProbeMain.runInChild(dir, "fill"),
                "a child JVM survives the entry and rebuilds it");
    }

    /** Builds FILL with a disk cache in dir; returns its PoCL binary (skips when the device is not PoCL). */
    private static byte[] realBinary(Path dir) throws IOException {
        ClDeviceHandle handle = SimulatedDevices.real();
        try (GpuDevice device = new GpuDevice(OpenClDriver.open(handle), CacheSettings.at(dir), OpenClBackend.NAME)) {
            device.compile(FILL);
            assertEquals(1, device.unwrap(ProgramCacheStatistics.class).orElseThrow().sourceBuilds());
        }
        byte[] binary = DiskCache.decode(onlyEntry(dir)).orElseThrow();
        assumeTrue(new String(binary, 0, 7).equals("poclbin"), "the OpenCL device is not PoCL");
        return binary;
    }

    /** The binary with the length of its first root entry (version 9) or bitcode path (version 8) set to 0. */
    private static byte[] poison(byte[] binary) {
        ByteBuffer b = ByteBuffer.wrap(binary.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(16);
        assumeTrue(version == 8 || version == 9, "PoclBinary version " + version);
        if (version == 9) {
            b.putLong(32 + 4 + 41, 0);
        } else {
            b.putInt(32 + 41, 0);
        }
        return b.array();
    }

    private static Path onlyEntry(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(OpenClBackend.NAME))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
