package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table, CSV, JSON and chart of a made-up report, one of whose results is wrong. */
class ReportsTest {
    @TempDir
    Path dir;

    private static BenchReport report() {
        Stats t = Stats.of(new long[] {1_900_000, 2_000_000, 2_100_000});
        Stats java = Stats.of(new long[] {8_000_000});
        Check ok = new Check(true, 1e-7, 1e-6, "c[3] = 1, expected 1");
        Check wrong = new Check(false, 3, 1e-6, "c[5] = 4, expected 1");
        List<BenchResult> results = List.of(
                new BenchResult("elementwise", 1 << 20, "2^20", "cpu", "Some CPU", "ElementwiseKernel", Metric.GB_PER_S,
                        12.0 * (1 << 20), t, t, java, t, 2, ok, ok, ""),
                new BenchResult("elementwise", 1 << 22, "2^22", "cpu", "Some CPU", "ElementwiseKernel", Metric.GB_PER_S,
                        12.0 * (1 << 22), t, t, java, null, 2, wrong, null, ""),
                new BenchResult("gemm", 1 << 16, "256x256x256", "opencl", "Some GPU", "tiled GEMM kernels",
                        Metric.GFLOP_PER_S, 2.0 * 256 * 256 * 256, null, null, java, null, 0, Check.NOT_CHECKED, null,
                        "KernelCompilationException: boom"),
                new BenchResult("fft", 1 << 24, "2^24", "cpu", "Some CPU", "JTransforms", Metric.GFLOP_PER_S,
                        5.0 * 24 * (1 << 24), t, t, null, null, 2, ok, null, ""));
        return new BenchReport(Map.of("cores", 2, "nd4j", "ND4J test"), Map.of("dtype", "float32", "repeat", 2,
                "warmup", 1), Map.of("host memory (all cores)", 10.0), results,
                List.of(new Skip("gemm", "2048x2048x2048", "over --max-size gemm=2^20"),
                        new Skip("fft", "2^24", "plain Java loop not timed: over --max-java-size fft=2^22")));
    }

    @Test
    void tableFlagsTheWrongResultLoudlyAndListsErrorsAndSkips() {
        StringWriter text = new StringWriter();
        SummaryTable.print(report(), new PrintWriter(text));
        String s = text.toString();
        assertTrue(s.contains("WRONG <<<<<<"), s);
        assertTrue(s.contains("!!! 1 WRONG RESULT"), s);
        assertTrue(s.contains("c[5] = 4, expected 1"), s);
        assertTrue(s.contains("ERROR gemm 256x256x256 on opencl: KernelCompilationException: boom"), s);
        assertTrue(s.contains("skipped gemm: over --max-size gemm=2^20 (sizes 2048x2048x2048)"), s);
        assertTrue(s.contains("skipped fft: plain Java loop not timed: over --max-java-size fft=2^22 (sizes 2^24)"), s);
        assertTrue(s.contains("impl [1] ElementwiseKernel"), s);
        assertTrue(s.contains("impl [3] JTransforms"), s);
        String fftRow = s.lines().filter(l -> l.startsWith("fft ")).findFirst().orElseThrow();
        assertTrue(fftRow.contains(" n/a ") && fftRow.endsWith("OK           [3]"), fftRow);
        assertTrue(s.contains("roofline: host memory (all cores) copy bandwidth 10.0 GB/s"), s);
        assertTrue(s.contains("4.00"), () -> "S_java = 8 / 2 = 4 missing:\n" + s);
    }

    @Test
    void csvJsonAndPngAreWritten() throws Exception {
        BenchReport report = report();
        Path csv = dir.resolve("sub/b.csv");
        Path json = dir.resolve("sub/b.json");
        Path png = dir.resolve("sub/b.png");
        CsvReport.write(report, csv);
        JsonReport.write(report, json);
        ThroughputChart.write(report, png);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(CsvReport.HEADER, lines.get(0));
        assertEquals(5, lines.size());
        assertEquals(CsvReport.HEADER.split(",").length, lines.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)").length);
        assertTrue(lines.get(2).contains(",WRONG,"), lines.get(2));
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, doc.get("wrongResults").asInt());
        assertEquals(4, doc.get("results").size());
        assertTrue(doc.get("results").get(3).get("javaMs").isNull());
        assertTrue(doc.get("results").get(3).get("speedupJava").isNull());
        assertEquals("JTransforms", doc.get("results").get(3).get("implementation").asText());
        assertEquals(4.0, doc.get("results").get(0).get("speedupJava").asDouble(), 1e-9);
        assertEquals(2.0, doc.get("results").get(0).get("efficiency").asDouble(), 1e-9);
        assertEquals("n/a", doc.get("results").get(2).get("cores").asText());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG does not decode");
        assertTrue(image.getWidth() >= 640 && image.getHeight() >= 420);
    }

    @Test
    void theAllCoreJavaVersionIsASecondReferenceInEveryReport() throws Exception {
        Stats device = Stats.of(new long[] {2_000_000});
        Check ok = new Check(true, 0, 0, "sorted");
        BenchResult sort = new BenchResult("sort", 1 << 20, "2^20", "cpu", "Some CPU", "GPUArray.sort", Metric.GB_PER_S,
                8.0 * (1 << 20), device, device, Stats.of(new long[] {16_000_000}), Stats.of(new long[] {6_000_000}),
                null, 2, ok, null, "");
        assertEquals(3.0, sort.speedupParallelJava(), 1e-9);
        BenchReport report = new BenchReport(Map.of("cores", 2, "nd4j", "ND4J test"), Map.of("dtype", "float32"),
                Map.of(), List.of(sort), List.of());
        StringWriter text = new StringWriter();
        SummaryTable.print(report, new PrintWriter(text));
        String row = text.toString().lines().filter(l -> l.startsWith("sort ")).findFirst().orElseThrow();
        assertTrue(row.contains(" 6.00 ") && row.contains(" 3.00 "), row);
        Path csv = dir.resolve("s.csv");
        CsvReport.write(report, csv);
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(CsvReport.HEADER.split(","));
        String[] cells = lines.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals(header.size(), cells.length);
        assertEquals("3.00", cells[header.indexOf("speedup_java_parallel")].substring(0, 4));
        Path json = dir.resolve("s.json");
        JsonReport.write(report, json);
        JsonNode r = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(3.0, r.get("speedupJavaParallel").asDouble(), 1e-9);
    }
}
