package org.jgpuarray.samples.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a bench report as a PNG: one panel per workload, throughput against size (log2 axis), one line
 * per device plus the Java loop and ND4J, and for memory-bound workloads the measured copy bandwidth
 * as the roofline (dashed; DRAM bandwidth, which loops over arrays that fit the caches can exceed).
 */
public final class ThroughputChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 460;
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    private ThroughputChart() {
    }

    /**
     * Writes the chart, creating its directory.
     *
     * @param report not modified
     * @param file   replaced; a PNG
     * @throws IOException when it cannot be written
     */
    public static void write(BenchReport report, Path file) throws IOException {
        List<XYChart> panels = panels(report);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        int cols = panels.size() > 1 ? 2 : 1;
        int rows = (panels.size() + cols - 1) / cols;
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(panels, rows, cols, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** One chart per workload that has results; one empty panel saying so when none has. */
    static List<XYChart> panels(BenchReport report) {
        Map<String, List<BenchResult>> byWorkload = new LinkedHashMap<>();
        for (BenchResult r : report.results()) {
            byWorkload.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
        }
        List<XYChart> panels = new ArrayList<>();
        byWorkload.forEach((name, results) -> panels.add(panel(name, results, report.rooflines())));
        if (panels.isEmpty()) {
            panels.add(chart("no results", "GB/s"));
        }
        return panels;
    }

    private static XYChart panel(String workload, List<BenchResult> results, Map<String, Double> rooflines) {
        Metric metric = results.get(0).metric();
        XYChart chart = chart(workload, metric.unit());
        Map<String, List<BenchResult>> byBackend = new LinkedHashMap<>();
        for (BenchResult r : results) {
            byBackend.computeIfAbsent(r.backend(), k -> new ArrayList<>()).add(r);
        }
        byBackend.forEach((backend, rs) -> add(chart, "jgpuarray " + backend, rs, BenchResult::throughput));
        List<BenchResult> firstBackend = byBackend.values().iterator().next();
        add(chart, "Java 1 thread", firstBackend, BenchResult::javaThroughput);
        add(chart, "ND4J", firstBackend, BenchResult::nd4jThroughput);
        if (metric == Metric.GB_PER_S) {
            double lo = log2(results.stream().mapToLong(BenchResult::size).min().orElse(1));
            double hi = log2(results.stream().mapToLong(BenchResult::size).max().orElse(1));
            rooflines.forEach((name, gbs) -> {
                XYSeries s = chart.addSeries("copy " + Format.number(gbs) + " GB/s (" + shortName(name) + ")",
                        new double[] {lo, Math.max(hi, lo + 1)},
                        new double[] {gbs, gbs});
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(DASHED);
                s.setLineColor(Color.GRAY);
            });
        }
        return chart;
    }

    private static void add(XYChart chart, String name, List<BenchResult> rs, ToDoubleFunction<BenchResult> y) {
        List<double[]> points = new ArrayList<>();
        for (BenchResult r : rs) {
            double v = y.applyAsDouble(r);
            if (Double.isFinite(v) && v > 0) {
                points.add(new double[] {log2(r.size()), v});
            }
        }
        if (!points.isEmpty()) {
            chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
        }
    }

    private static XYChart chart(String title, String unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("size (elements per array; log2)").yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> "2^" + Math.round(v));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 200));
        chart.getStyler().setToolTipsEnabled(false);
        return chart;
    }

    /** {@code host memory (all cores)} as {@code host}, {@code cuda device memory} as {@code cuda}. */
    private static String shortName(String roofline) {
        int space = roofline.indexOf(' ');
        return space < 0 ? roofline : roofline.substring(0, space);
    }

    private static double log2(long v) {
        return Math.log(v) / Math.log(2);
    }
}
