package org.jgpuarray.samples.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary table a bench run prints at the end: one row per result, tagged with the implementation
 * that ran ({@code [1]}, {@code [2]}, ... listed under the table), then rooflines, skips, errors and
 * wrong results.
 */
public final class SummaryTable {
    private static final String ROW = "%-11s %-14s %-7s %10s %6s %10s %9s  %9s %7s %6s  %9s %7s  %9s %7s  %-12s %s%n";

    private SummaryTable() {
    }

    /**
     * Prints the table.
     *
     * @param report not modified
     * @param out    modified
     */
    public static void print(BenchReport report, PrintWriter out) {
        Map<String, Object> cfg = report.config();
        out.printf("%njgpuarray bench: %s, median of %s timed runs after >= %s warm-up runs and >= %s ms; ND4J: %s%n",
                cfg.get("dtype"), cfg.get("repeat"), cfg.get("warmup"), cfg.get("warmupMillis"),
                report.machine().get("nd4j"));
        out.println("S = T_ref / T_device (device time, no transfers); E = S_java / p, p = cores of a CPU device"
                + " (n/a for GPUs); wall = upload + compute + download; jpar = all-core Java version (sort:"
                + " Arrays.parallelSort; java: Arrays.sort)");
        out.printf(ROW, "workload", "size", "backend", "device ms", "±%", "wall ms", "rate", "java ms", "S_java",
                "E", "jpar ms", "S_jpar", "nd4j ms", "S_nd4j", "check", "impl");
        Map<String, String> tags = new LinkedHashMap<>();
        for (BenchResult r : report.results()) {
            boolean ran = r.error().isEmpty();
            String tag = tags.computeIfAbsent(r.implementation(), k -> "[" + (tags.size() + 1) + "]");
            out.printf(ROW, r.workload(), r.sizeLabel(), r.backend(),
                    ran ? Format.number(r.deviceTime().medianMs()) : "-",
                    ran ? Format.number(r.deviceTime().madPct()) : "-",
                    ran ? Format.number(r.wallTime().medianMs()) : "-",
                    ran ? Format.number(r.throughput()) + " " + shortUnit(r.metric()) : "-",
                    r.javaTime() == null ? "n/a" : Format.number(r.javaTime().medianMs()),
                    Format.number(r.speedupJava()), Format.number(r.efficiency()),
                    r.parallelJavaTime() == null ? "n/a" : Format.number(r.parallelJavaTime().medianMs()),
                    Format.number(r.speedupParallelJava()),
                    r.nd4jTime() == null ? "n/a" : Format.number(r.nd4jTime().medianMs()),
                    Format.number(r.speedupNd4j()), r.wrong() ? "WRONG <<<<<<" : r.status(), tag);
        }
        out.println("rate: GB/s for memory-bound workloads (bytes read + written), GF = GFLOP/s (gemm 2 N^3, fft 5 N log2 N)");
        tags.forEach((implementation, tag) -> out.printf("impl %s %s%n", tag, implementation));
        report.rooflines().forEach((name, gbs) -> out.printf("roofline: %s copy bandwidth %s GB/s%n", name,
                Format.number(gbs)));
        printSkips(report.skipped(), out);
        printProblems(report.results(), out);
        out.flush();
    }

    private static String shortUnit(Metric m) {
        return m == Metric.GB_PER_S ? "GB" : "GF";
    }

    private static void printSkips(List<Skip> skipped, PrintWriter out) {
        Map<String, String> byReason = new LinkedHashMap<>();
        for (Skip s : skipped) {
            byReason.merge(s.workload() + ": " + s.reason(), s.sizeLabel(), (a, b) -> a + ", " + b);
        }
        byReason.forEach((what, sizes) -> out.printf("skipped %s (sizes %s)%n", what, sizes));
    }

    private static void printProblems(List<BenchResult> results, PrintWriter out) {
        for (BenchResult r : results) {
            if (!r.error().isEmpty()) {
                out.printf("ERROR %s %s on %s: %s%n", r.workload(), r.sizeLabel(), r.backend(), r.error());
            }
            if (r.nd4jCheck() != null && !r.nd4jCheck().ok()) {
                out.printf("note: ND4J's result for %s %s is off: %s%n", r.workload(), r.sizeLabel(), r.nd4jCheck());
            }
        }
        List<BenchResult> wrong = results.stream().filter(BenchResult::wrong).toList();
        if (!wrong.isEmpty()) {
            out.println();
            out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
            out.printf("!!! %d WRONG RESULT%s: these timings measure a computation that is incorrect%n",
                    wrong.size(), wrong.size() == 1 ? "" : "S");
            for (BenchResult r : wrong) {
                out.printf("!!!   %s %s on %s: %s%n", r.workload(), r.sizeLabel(), r.backend(), r.check());
            }
            out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        }
    }
}
