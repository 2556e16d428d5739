package org.jgpuarray.opencl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.device.ProgramCacheStatistics;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.spi.gpu.GpuDevice;

/**
 * Run in a child JVM by the cache tests: opens a device on a cache directory, builds a kernel (and runs
 * the axpy one), and reports what the program cache did.
 */
public final class CacheProbeMain {
    private CacheProbeMain() {
    }

    /**
     * Prints {@code builds=B loads=L discarded=D ok}.
     *
     * @param args the cache root, then {@code axpy} (built and run) or {@code fill} (built)
     */
    public static void main(String[] args) {
        try (GpuDevice device = new OpenClBackend().open(0, CacheSettings.at(Path.of(args[0])))) {
            if (args[1].equals("axpy")) {
                ProgramCacheTest.checkAxpy(device);
            } else {
                device.compile(ElementwiseSpec.of("pocl_fill", "float *x", "x[i] = 3"));
            }
            ProgramCacheStatistics s = device.unwrap(ProgramCacheStatistics.class).orElseThrow();
            System.out.println("builds=" + s.sourceBuilds() + " loads=" + s.binaryLoads() + " discarded="
                    + s.discardedEntries() + " ok");
        }
    }

    /**
     * Runs {@link #main} in a fresh JVM with this JVM's class path, killed after two minutes; returns its
     * last output line.
     */
    public static String runInChild(Path dir, String kernel) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = Files.createTempFile("cache-probe", ".txt");
        try {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CacheProbeMain.class.getName(), dir.toString(), kernel).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean finished = p.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (!finished || p.exitValue() != 0) {
                throw new AssertionError("child JVM " + (finished ? "exited with " + p.exitValue() : "killed after 120 s")
                        + ":\n" + out);
            }
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1].strip();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
