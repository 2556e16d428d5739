package org.jgpuarray.samples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The outputs of {@code jgpuarray bench --layouts}: a table, a CSV file and a bar chart of the ratios (sort included). */
final class LayoutReport {
    private static final String HEADER = "backend,case,baseline,min_ms,median_ms,mad_pct,runs,gb_per_s,ratio_min,"
            + "ratio_median,target,verdict,check";

    private LayoutReport() {
    }

    /**
     * Prints the table: per case its times, GB/s at the median, and its ratios to its baseline.
     *
     * @param cases not modified
     */
    static void print(List<LayoutCase> cases, PrintWriter out) {
        String format = "%-8s %-20s %-20s %9s %9s %8s %8s %8s %6s  %s%n";
        out.printf(format, "backend", "case", "vs", "min ms", "median ms", "GB/s", "ratio", "(median)", "target",
                "verdict");
        for (LayoutCase c : cases) {
            boolean base = c.target() == 0;
            out.printf(format, c.backend(), c.name(), base ? "(baseline)" : c.baseline(), Format.number(c.stats().minMs()),
                    Format.number(c.stats().medianMs()), Format.number(c.gbPerSecond()),
                    base ? "" : Format.number(c.ratioMin()), base ? "" : Format.number(c.ratioMedian()),
                    base ? "" : Format.number(c.target()), c.check().isEmpty() ? c.verdict() : "WRONG: " + c.check());
        }
        out.flush();
    }

    /**
     * Prints PyOpenCL's cases beside jgpuarray's on the same backend: each one's times, and how many times
     * faster jgpuarray's median was (PyOpenCL's median over jgpuarray's; only where PyOpenCL's result was
     * right), or what PyOpenCL said instead.
     *
     * @param peer    what the PyOpenCL script measured; not modified
     * @param ours    jgpuarray's cases; not modified
     * @param backend the backend whose cases the peer ran beside (its device)
     */
    static void printPeer(PyOpenClLayouts.Outcome peer, List<LayoutCase> ours, String backend, PrintWriter out) {
        if (!peer.problem().isEmpty()) {
            out.println("PyOpenCL not measured: " + peer.problem());
            out.flush();
            return;
        }
        out.println("PyOpenCL on the same device (" + peer.device() + "):");
        String format = "%-20s %9s %9s %14s %10s  %s%n";
        out.printf(format, "case", "min ms", "median ms", backend + " median", "speed-up", "PyOpenCL's result");
        for (PyOpenClLayouts.Case c : peer.cases()) {
            LayoutCase mine = ours.stream().filter(o -> o.backend().equals(backend) && o.name().equals(c.name()))
                    .findFirst().orElse(null);
            String note = c.problem().isEmpty() ? "right" : c.problem();
            if (c.stats() == null) {
                out.printf(format, c.name(), "", "", mine == null ? "" : Format.number(mine.stats().medianMs()), "",
                        "refused: " + note);
                continue;
            }
            String speedup = mine == null || !c.problem().isEmpty() ? ""
                    : Format.number(c.stats().medianMs() / mine.stats().medianMs()) + "x";
            out.printf(format, c.name(), Format.number(c.stats().minMs()), Format.number(c.stats().medianMs()),
                    mine == null ? "" : Format.number(mine.stats().medianMs()), speedup, note);
        }
        out.flush();
    }

    /**
     * Writes the CSV file, creating its directory.
     *
     * @param cases not modified
     * @throws IOException when it cannot be written
     */
    static void writeCsv(List<LayoutCase> cases, Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (LayoutCase c : cases) {
            Stats s = c.stats();
            lines.add(String.join(",", c.backend(), c.name(), c.baseline(), Format.csv(s.minMs()),
                    Format.csv(s.medianMs()), Format.csv(s.madPct()), Integer.toString(s.runs()),
                    Format.csv(c.gbPerSecond()), Format.csv(c.ratioMin()), Format.csv(c.ratioMedian()),
                    Format.csv(c.target()), c.verdict(), "\"" + c.check().replace("\"", "'") + "\""));
        }
        createParent(file);
        Files.write(file, lines);
    }

    /**
     * Draws every case's speed relative to its baseline (the baseline's median time over the case's), one bar
     * group per case and one bar per backend, so that the views, the axis sums and the sort share one scale
     * with their targets (0.7 and 1).
     *
     * @param cases not modified
     * @throws IOException when it cannot be written
     */
    static void writeChart(List<LayoutCase> cases, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(480)
                .title("issue 11 layouts: speed relative to the baseline, median times (targets 0.7; sort 1)")
                .xAxisTitle("case (baseline)").yAxisTitle("baseline time / case time").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(20);
        Map<String, List<LayoutCase>> byBackend = new LinkedHashMap<>();
        for (LayoutCase c : cases) {
            if (c.target() > 0) {
                byBackend.computeIfAbsent(c.backend(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<String, List<LayoutCase>> e : byBackend.entrySet()) {
            List<String> names = e.getValue().stream().map(c -> c.name() + " (" + c.baseline() + ")").toList();
            List<Double> ratios = e.getValue().stream().map(LayoutCase::ratioMedian).toList();
            chart.addSeries(e.getKey(), names, ratios);
        }
        createParent(file);
        ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", file.toFile());
    }

    /** One line per backend: how many cases meet their target. */
    static String summary(List<LayoutCase> cases) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (LayoutCase c : cases) {
            if (c.target() > 0) {
                int[] k = counts.computeIfAbsent(c.backend(), b -> new int[2]);
                k[0] += c.verdict().equals("ok") ? 1 : 0;
                k[1]++;
            }
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((b, k) -> s.append(String.format(Locale.ROOT, "%s: %d of %d targets met; ", b, k[0], k[1])));
        return s.toString().strip();
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
