package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.opencl.ProgramCacheSettings;
import org.jgpuarray.opencl.ProgramCacheStatistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A well-formed cache entry whose binary the driver refuses (a stale or foreign binary) is rebuilt. */
@Tag("opencl")
class RejectedBinaryTest {
    private static final ElementwiseSpec NEGATE = ElementwiseSpec.of("cache_negate", "float *x", "x[i] = -x[i]");

    @Test
    void binaryTheDriverRejectsIsDeletedAndRebuilt(@TempDir Path dir) throws IOException {
        ClDeviceHandle device = SimulatedDevices.real();
        try (ClRuntime runtime = ClRuntime.open(device, ProgramCacheSettings.at(dir))) {
            runtime.kernels().elementwise(NEGATE);
        }
        Path entry = onlyEntry(dir);
        String key = entry.getFileName().toString().replace(".bin", "");
        byte[] foreign = "not a program binary of this driver".getBytes(StandardCharsets.US_ASCII);
        Files.write(entry, DiskCache.encode(key, foreign));
        try (ClRuntime runtime = ClRuntime.open(device, ProgramCacheSettings.at(dir))) {
            runtime.kernels().elementwise(NEGATE);
            assertEquals(new ProgramCacheStatistics(1, 0, 0, 1), runtime.programs().statistics());
        }
        try (ClRuntime runtime = ClRuntime.open(device, ProgramCacheSettings.at(dir))) {
            runtime.kernels().elementwise(NEGATE);
            assertEquals(new ProgramCacheStatistics(0, 1, 0, 0), runtime.programs().statistics(), "repaired");
        }
    }

    private static Path onlyEntry(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
