package org.jgpuarray.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a bench report as CSV: one row per workload, size and device; times in milliseconds. */
public final class CsvReport {
    /** The header row. */
    public static final String HEADER = "workload,size,size_label,backend,device,implementation,status,"
            + "device_ms_median,device_ms_min,device_ms_max,device_mad_pct,wall_ms_median,wall_ms_min,wall_ms_max,"
            + "throughput,unit,java_ms_median,speedup_java,efficiency,cores,nd4j_ms_median,speedup_nd4j,"
            + "java_parallel_ms_median,speedup_java_parallel,max_error,tolerance,detail";

    private CsvReport() {
    }

    /**
     * Writes the file, creating its directory.
     *
     * @param report not modified
     * @param file   replaced
     */
    public static void write(BenchReport report, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (BenchResult r : report.results()) {
            Stats d = r.deviceTime();
            Stats w = r.wallTime();
            lines.add(String.join(",", r.workload(), Long.toString(r.size()), r.sizeLabel(), r.backend(),
                    quote(r.device()), quote(r.implementation()), r.status(),
                    d == null ? "" : Format.csv(d.medianMs()), d == null ? "" : Format.csv(d.minMs()),
                    d == null ? "" : Format.csv(d.maxMs()), d == null ? "" : Format.csv(d.madPct()),
                    w == null ? "" : Format.csv(w.medianMs()), w == null ? "" : Format.csv(w.minMs()),
                    w == null ? "" : Format.csv(w.maxMs()), Format.csv(r.throughput()), r.metric().unit(),
                    r.javaTime() == null ? "" : Format.csv(r.javaTime().medianMs()), Format.csv(r.speedupJava()),
                    Format.csv(r.efficiency()),
                    r.cores() > 0 ? Integer.toString(r.cores()) : "n/a",
                    r.nd4jTime() == null ? "" : Format.csv(r.nd4jTime().medianMs()), Format.csv(r.speedupNd4j()),
                    r.parallelJavaTime() == null ? "" : Format.csv(r.parallelJavaTime().medianMs()),
                    Format.csv(r.speedupParallelJava()),
                    Format.csv(r.check().maxError()), Format.csv(r.check().tolerance()),
                    quote(r.error().isEmpty() ? r.check().detail() : r.error())));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
