package org.jgpuarray.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgpuarray.samples.json.JsonWriter;

/** Writes a bench report as one JSON document: machine, config, rooflines, results, skipped. */
public final class JsonReport {
    private JsonReport() {
    }

    /** The document as a map tree. */
    public static Map<String, Object> document(BenchReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", report.machine());
        doc.put("config", report.config());
        doc.put("rooflinesGBs", report.rooflines());
        List<Object> results = new ArrayList<>();
        for (BenchResult r : report.results()) {
            results.add(result(r));
        }
        doc.put("results", results);
        List<Object> skipped = new ArrayList<>();
        for (Skip s : report.skipped()) {
            Map<String, Object> skip = new LinkedHashMap<>();
            skip.put("workload", s.workload());
            skip.put("size", s.sizeLabel());
            skip.put("reason", s.reason());
            skipped.add(skip);
        }
        doc.put("skipped", skipped);
        doc.put("wrongResults", report.wrongResults().size());
        return doc;
    }

    /**
     * Writes the file, creating its directory.
     *
     * @param report not modified
     * @param file   replaced
     */
    public static void write(BenchReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JsonWriter.write(document(report)) + "\n");
    }

    private static Map<String, Object> result(BenchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", r.workload());
        m.put("size", r.size());
        m.put("sizeLabel", r.sizeLabel());
        m.put("backend", r.backend());
        m.put("device", r.device());
        m.put("implementation", r.implementation());
        m.put("status", r.status());
        m.put("deviceMs", stats(r.deviceTime()));
        m.put("wallMs", stats(r.wallTime()));
        m.put("throughput", r.throughput());
        m.put("unit", r.metric().unit());
        m.put("javaMs", stats(r.javaTime()));
        m.put("speedupJava", r.speedupJava());
        m.put("efficiency", r.efficiency());
        m.put("cores", r.cores() > 0 ? r.cores() : "n/a");
        m.put("javaParallelMs", stats(r.parallelJavaTime()));
        m.put("speedupJavaParallel", r.speedupParallelJava());
        m.put("nd4jMs", stats(r.nd4jTime()));
        m.put("speedupNd4j", r.speedupNd4j());
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("ok", r.check().ok());
        check.put("maxError", r.check().maxError());
        check.put("tolerance", r.check().tolerance());
        check.put("detail", r.check().detail());
        m.put("check", check);
        if (!r.error().isEmpty()) {
            m.put("error", r.error());
        }
        return m;
    }

    private static Object stats(Stats s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", s.medianMs());
        m.put("min", s.minMs());
        m.put("max", s.maxMs());
        m.put("madPct", s.madPct());
        m.put("runs", s.runs());
        return m;
    }
}
