package org.jgpuarray.opencl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.device.ProgramCacheStatistics;

/** Run in a child JVM by {@link ProgramCacheTest}: opens a device on a cache directory, runs a kernel, reports. */
public final class CacheProbeMain {
    private CacheProbeMain() {
    }

    /** Prints {@code builds=B loads=L ok} for the cache directory given as the only argument. */
    public static void main(String[] args) {
        try (GpuDevice device = new OpenClBackend().open(0, CacheSettings.at(
                Path.of(args[0])))) {
            ProgramCacheTest.checkAxpy(device);
            ProgramCacheStatistics s = device.unwrap(ProgramCacheStatistics.class).orElseThrow();
            System.out.println("builds=" + s.sourceBuilds() + " loads=" + s.binaryLoads() + " ok");
        }
    }

    /** Runs {@link #main} in a fresh JVM with this JVM's class path; returns its last output line. */
    static String runInChild(Path dir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CacheProbeMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("child JVM failed:\n" + out);
        }
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
