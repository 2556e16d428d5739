package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jgpuarray.GpuContext;
import org.jgpuarray.samples.Cli;
import org.jgpuarray.samples.query.BackendSurvey;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real harness with tiny configurations (one size, two timed runs) on the CPU and, when present, OpenCL. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "opencl"})
    void tinyRunOfEveryWorkloadWritesCsvJsonAndADecodablePng(String backend) throws Exception {
        BackendProbe probe = BackendSurvey.probeAll().stream().filter(p -> p.backend().equals(backend)).findFirst()
                .orElseThrow();
        assumeTrue(probe.available(), () -> backend + " unavailable: " + probe.reason());
        Path csv = dir.resolve("bench.csv");
        Path json = dir.resolve("bench.json");
        Path png = dir.resolve("bench.png");
        Cli.Result r = Cli.run("bench", "--backend", backend, "--workload", "elementwise,reduce,dot,gemm,fft,rng",
                "--sizes", "2^12", "--repeat", "2", "--warmup", "1", "--warmup-time", "0", "--no-progress",
                "--csv", csv.toString(), "--json", json.toString(), "--plot", png.toString());
        assertEquals(0, r.exit(), r::toString);

        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size(), () -> String.join("\n", lines));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.contains("," + backend + ",") && line.contains(",OK,"), line);
        }

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, doc.get("wrongResults").asInt());
        assertEquals(6, doc.get("results").size());
        Map<String, String> implementations = new HashMap<>();
        for (JsonNode result : doc.get("results")) {
            assertTrue(result.get("check").get("ok").asBoolean(), result::toString);
            assertTrue(result.get("deviceMs").get("median").asDouble() > 0, result::toString);
            assertEquals(2, result.get("deviceMs").get("runs").asInt(), result::toString);
            assertTrue(result.get("speedupJava").asDouble() > 0, result::toString);
            implementations.put(result.get("workload").asText(), result.get("implementation").asText());
        }
        try (GpuContext context = GpuContext.create(backend)) {
            assertEquals(context.blas().implementation(), implementations.get("gemm"));
            assertEquals(context.fft().implementation(), implementations.get("fft"));
            assertEquals(context.random(42).implementation(), implementations.get("rng"));
        }
        for (String implementation : implementations.values()) {
            assertTrue(r.out().contains("] " + implementation + "\n"), () -> implementation + " not in\n" + r.out());
        }
        assertTrue(doc.get("rooflinesGBs").get("host memory (all cores)").asDouble() > 0, doc::toString);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG does not decode");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    }

    @Test
    void sizeLimitsSkipAWorkloadOrOnlyItsJavaLoop() throws Exception {
        Path json = dir.resolve("caps.json");
        Cli.Result r = Cli.run("bench", "--backend", "cpu", "--workload", "gemm,fft", "--sizes", "2^10,2^12",
                "--max-size", "gemm=2^10", "--max-java-size", "fft=2^10", "--repeat", "1", "--warmup", "0",
                "--warmup-time", "0", "--no-progress", "--no-nd4j", "--out", dir.toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("skipped gemm: over --max-size gemm=2^10 (sizes 64x64x64)"), r::toString);
        assertTrue(r.out().contains("skipped fft: plain Java loop not timed: over --max-java-size fft=2^10 (sizes 2^12)"),
                r::toString);
        JsonNode results = new ObjectMapper().readTree(json.toFile()).get("results");
        assertEquals(3, results.size(), results::toString);
        JsonNode fft4096 = results.get(2);
        assertEquals("2^12", fft4096.get("sizeLabel").asText());
        assertTrue(fft4096.get("javaMs").isNull() && fft4096.get("check").get("ok").asBoolean(), fft4096::toString);
    }

    @Test
    void noChartWritesCsvAndJsonOnly() {
        Cli.Result r = Cli.run("bench", "--backend", "cpu", "--workload", "reduce", "--sizes", "2^10", "--repeat", "1",
                "--warmup", "0", "--warmup-time", "0", "--no-progress", "--no-nd4j", "--no-chart", "--out", dir.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Files.exists(dir.resolve("bench.csv")) && Files.exists(dir.resolve("bench.json")), r::toString);
        assertTrue(Files.notExists(dir.resolve("bench.png")), r::toString);
    }

    @Test
    void badSizesAreAUsageError() {
        Cli.Result r = Cli.run("bench", "--sizes", "2^x", "--no-progress");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("'2^x'"), r::toString);
    }

    @Test
    void badSizeLimitsAreAUsageError() {
        Cli.Result r = Cli.run("bench", "--max-size", "gemmm=2^20", "--no-progress");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("unknown workload 'gemmm'"), r::toString);
    }
}
