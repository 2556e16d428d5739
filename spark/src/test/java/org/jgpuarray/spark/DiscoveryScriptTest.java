package org.jgpuarray.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.Test;

/**
 * The module's discovery script as Spark runs it: no arguments, the backend and class path from the
 * environment; its output is the JSON Spark reads, or the reason and status 1.
 */
class DiscoveryScriptTest {
    private static final Path SCRIPT = Path.of("bin", "jgpuarray-gpu-discovery.sh");

    /** Output and status of the script run with {@code environment} added to this JVM's. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> environment) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/env")), "no /usr/bin/env to start the script's bash");
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toAbsolutePath().toString());
        builder.environment().put("JGPUARRAY_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the discovery script ran past 60 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void listsTheOpenClDevicesWhenAskedTo() throws Exception {
        int devices = GpuContext.devices("opencl").size();
        assumeTrue(devices > 0, "no OpenCL device here");
        Run run = run(Map.of(GpuDiscovery.BACKEND_VARIABLE, "opencl"));
        assertEquals(0, run.status(), run.err());
        String addresses = IntStream.range(0, devices).mapToObj(k -> "\"opencl:" + k + "\"")
                .collect(Collectors.joining(", "));
        assertEquals("{\"name\": \"gpu\", \"addresses\": [" + addresses + "]}", run.out().trim());
    }

    @Test
    void aBackendThatCannotStartFailsWithTheReason() throws Exception {
        assumeTrue(GpuContext.probeBackends().stream().noneMatch(p -> p.backend().equals("cuda") && p.available()),
                "CUDA is usable here");
        Run run = run(Map.of(GpuDiscovery.BACKEND_VARIABLE, "cuda"));
        assertEquals(1, run.status(), run.out());
        assertTrue(run.err().contains("the cuda backend cannot start here"), run.err());
        assertEquals("", run.out().trim(), "nothing Spark would read as a device list");
    }

    @Test
    void theCpuBackendIsOneDevice() throws Exception {
        Run run = run(Map.of(GpuDiscovery.BACKEND_VARIABLE, "cpu"));
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("{\"name\": \"gpu\", \"addresses\": [\"cpu:0\"]}"), run.out().lines().toList());
    }
}
