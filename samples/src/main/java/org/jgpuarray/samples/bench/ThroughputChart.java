package org.jgpuarray.samples.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a bench report as a PNG: one panel per workload, throughput against size (log2 axis), one line
 * per jgpuarray backend (named {@code cpu}, {@code opencl}, {@code cuda}) plus the Java loop and ND4J, and
 * for memory-bound workloads the measured copy bandwidth in GB/s as the roofline (dashed, e.g.
 * {@code host copy 29.1}; DRAM bandwidth, which loops over arrays that fit the caches can exceed).
 */
public final class ThroughputChart {
    private static final int WIDTH = 600;
    private static final int HEIGHT = 430;
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
        // 256 indexed colours (a 6x6x6 cube and greys) rather than XChart's ARGB: half the bytes, same picture
        BufferedImage sheet = new BufferedImage(cols * WIDTH, rows * HEIGHT, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int k = 0; k < panels.size(); k++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panels.get(k)), (k % cols) * WIDTH, (k / cols) * HEIGHT,
                        null);
            }
        } finally {
            g.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(sheet, "png", out);
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
            panels.add(chart("no results", "elements", "GB/s"));
        }
        return panels;
    }

    private static XYChart panel(String workload, List<BenchResult> results, Map<String, Double> rooflines) {
        Metric metric = results.get(0).metric();
        Workload w = Workloads.all().get(workload);
        XYChart chart = chart(workload, w == null ? "elements" : w.sizeUnit(), metric.unit());
        Map<String, List<BenchResult>> byBackend = new LinkedHashMap<>();
        for (BenchResult r : results) {
            byBackend.computeIfAbsent(r.backend(), k -> new ArrayList<>()).add(r);
        }
        byBackend.forEach((backend, rs) -> add(chart, backend, rs, BenchResult::throughput));
        List<BenchResult> firstBackend = byBackend.values().iterator().next();
        add(chart, "Java 1 thread", firstBackend, BenchResult::javaThroughput);
        add(chart, "ND4J", firstBackend, BenchResult::nd4jThroughput);
        if (metric == Metric.GB_PER_S) {
            double lo = log2(results.stream().mapToLong(BenchResult::size).min().orElse(1));
            double hi = log2(results.stream().mapToLong(BenchResult::size).max().orElse(1));
            rooflines.forEach((name, gbs) -> {
                XYSeries s = chart.addSeries(shortName(name) + " copy " + Format.number(gbs),
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

    private static XYChart chart(String title, String sizeUnit, String unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("size (" + sizeUnit + "; log2)").yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> "2^" + Math.round(v));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 200));
        chart.getStyler().setToolTipsEnabled(false);
        // solid grid lines: dashed ones of a log axis take most of the PNG's bytes
        chart.getStyler().setPlotGridLinesStroke(new BasicStroke(1f));
        chart.getStyler().setPlotGridLinesColor(new Color(228, 228, 228)); // a grey of the indexed palette
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
