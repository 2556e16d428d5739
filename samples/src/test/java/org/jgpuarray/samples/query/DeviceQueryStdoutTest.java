package org.jgpuarray.samples.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.samples.WithoutUnversionedOpenCl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code device-query --json} in a child JVM prints the JSON document and nothing else on standard output.
 * In-process tests cannot see this: native code (JOCL's, when it cannot load {@code libOpenCL.so}) writes
 * to file descriptor 1, not to {@code System.out}.
 */
class DeviceQueryStdoutTest {
    @Test
    void stdoutIsTheJsonDocumentOnThisMachine(@TempDir Path dir) throws Exception {
        Child c = Child.run(dir, List.of());
        assertCleanJson(c);
    }

    /** The state of a machine with the ICD loader's runtime package only (skipped where it cannot be played). */
    @Test
    void stdoutIsTheJsonDocumentWithoutTheUnversionedIcdLoader(@TempDir Path dir) throws Exception {
        List<String> prefix = WithoutUnversionedOpenCl.prefix(Files.createDirectory(dir.resolve("ns")));
        Child c = Child.run(dir, prefix);
        assumeTrue(c.exit() != WithoutUnversionedOpenCl.SETUP_FAILED, () -> "could not hide libOpenCL.so: " + c.err());
        JsonNode opencl = assertCleanJson(c);
        assertFalse(opencl.get("available").asBoolean(), opencl::toString);
        assertTrue(opencl.get("reason").asText().startsWith("JOCL needs the unversioned libOpenCL.so"), opencl::toString);
    }

    /** Asserts the child printed one JSON document with every backend; returns the OpenCL backend's entry. */
    private static JsonNode assertCleanJson(Child c) throws IOException {
        assertEquals(0, c.exit(), c::toString);
        assertFalse(c.out().contains("Could not load"), c::toString);
        JsonNode backends = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readTree(c.out()).get("backends"); // throws on anything before or after the document
        JsonNode opencl = null;
        for (JsonNode b : backends) {
            if (!b.get("available").asBoolean()) {
                String reason = b.get("reason").asText();
                assertFalse(reason.isBlank() || reason.contains("\n"), () -> "one-line reason: " + b);
            }
            if (b.get("name").asText().equals("opencl")) {
                opencl = b;
            }
        }
        assertTrue(opencl != null, c::toString);
        return opencl;
    }

    /** One run of {@code jgpuarray device-query --json} in a fresh JVM, after {@code prefix}. */
    private record Child(int exit, String out, String err) {
        static Child run(Path dir, List<String> prefix) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "org.jgpuarray.samples.Main", "device-query", "--json"));
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("device-query did not finish in 120 s: " + Files.readString(err));
            }
            return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
