package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgpuarray.samples.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real harness on the CPU backend with a tiny configuration: one size, two timed runs. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void tinyRunOnTheCpuWritesCsvJsonAndADecodablePng() throws Exception {
        Path csv = dir.resolve("bench.csv");
        Path json = dir.resolve("bench.json");
        Path png = dir.resolve("bench.png");
        Cli.Result r = Cli.run("bench", "--backend", "cpu", "--workload", "elementwise,reduce,dot,gemm,fft",
                "--sizes", "2^12", "--repeat", "2", "--warmup", "1", "--warmup-time", "0", "--max-gemm-size", "2^12",
                "--no-progress",
                "--csv", csv.toString(), "--json", json.toString(), "--plot", png.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("skipped fft: not yet available"), r::toString);

        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size(), () -> String.join("\n", lines));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.contains(",cpu,") && line.contains(",OK,"), line);
        }

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, doc.get("wrongResults").asInt());
        assertEquals(4, doc.get("results").size());
        for (JsonNode result : doc.get("results")) {
            assertTrue(result.get("check").get("ok").asBoolean(), result::toString);
            assertTrue(result.get("deviceMs").get("median").asDouble() > 0, result::toString);
            assertEquals(2, result.get("deviceMs").get("runs").asInt(), result::toString);
            assertTrue(result.get("speedupJava").asDouble() > 0, result::toString);
        }
        assertTrue(doc.get("rooflinesGBs").get("host memory (all cores)").asDouble() > 0, doc::toString);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG does not decode");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    }

    @Test
    void badSizesAreAUsageError() {
        Cli.Result r = Cli.run("bench", "--sizes", "2^x", "--no-progress");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("'2^x'"), r::toString);
    }
}
