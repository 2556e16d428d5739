package org.jgpuarray.samples.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgpuarray.GpuContext;

/**
 * {@code jgpuarray bench --small-calls}: jgpuarray's small calls ({@link SmallCalls}) on each context, and
 * the same calls through PyOpenCL on the OpenCL context's device ({@link PyOpenClSmallCalls}), in one run,
 * as one table: minimum / median microseconds per call, and the ratio of the OpenCL backend's figures to
 * PyOpenCL's with its memory pool (the faster PyOpenCL set-up for allocating calls).
 */
final class SmallCallsBench {
    /** Rows: our key, PyOpenCL's pooled key, PyOpenCL's key without a pool (null: not applicable), label. */
    private static final String[][] ROWS = {
            {"call", "call", null, "cached ElementwiseKernel call + synchronize"},
            {"call-batch", "call-batch", null, "the same, " + SmallCalls.BATCH + " calls per synchronize (per call)"},
            {"add", "add-pool", "add", "x.add(y) + synchronize, result freed"},
            {"sum", "sum-pool", "sum", "x.sum().item()"},
    };

    private final SmallCalls calls;
    private final String python;
    private final int n;
    private final int samples;
    private final int warmup;
    private final long seed;

    SmallCallsBench(int n, int samples, int warmup, long seed, String python) {
        this.calls = new SmallCalls(n, samples, warmup, seed);
        this.python = python;
        this.n = n;
        this.samples = samples;
        this.warmup = warmup;
        this.seed = seed;
    }

    /**
     * Measures and prints.
     *
     * @return true when every result was right
     */
    boolean run(List<GpuContext> contexts, PrintWriter out) {
        Map<String, Map<String, SmallCallTiming>> ours = new LinkedHashMap<>();
        boolean right = true;
        GpuContext openCl = null;
        for (GpuContext ctx : contexts) {
            try {
                ours.put(ctx.backendName(), calls.run(ctx));
            } catch (IllegalStateException e) {
                out.println("bench: " + ctx.backendName() + ": " + e.getMessage());
                right = false;
            }
            if (ctx.backendName().equals("opencl")) {
                openCl = ctx;
            }
        }
        PyOpenClSmallCalls.Result peer = openCl == null
                ? PyOpenClSmallCalls.Result.failed("no OpenCL context to compare with")
                : PyOpenClSmallCalls.run(python, openCl.device().name(), n, samples, warmup, seed);
        out.printf(Locale.ROOT, "small calls, float32, n = %d, %d samples each (min / median microseconds per call)%n",
                n, samples);
        if (peer.problem().isEmpty()) {
            out.println("PyOpenCL on " + peer.device());
        } else {
            out.println("PyOpenCL not measured: " + peer.problem());
            right &= !peer.wrong();
        }
        print(ours, peer, out);
        out.flush();
        return right;
    }

    private static void print(Map<String, Map<String, SmallCallTiming>> ours, PyOpenClSmallCalls.Result peer,
                              PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("call"));
        ours.keySet().forEach(header::add);
        boolean withPeer = !peer.timings().isEmpty();
        if (withPeer) {
            header.addAll(List.of("PyOpenCL (pool)", "PyOpenCL (no pool)", "opencl / PyOpenCL (pool)"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String[] row : ROWS) {
            List<String> cells = new ArrayList<>(List.of(row[3]));
            for (Map<String, SmallCallTiming> backend : ours.values()) {
                cells.add(cell(backend.get(row[0])));
            }
            if (withPeer) {
                SmallCallTiming pooled = peer.timings().get(row[1]);
                cells.add(cell(pooled));
                cells.add(row[2] == null ? "-" : cell(peer.timings().get(row[2])));
                SmallCallTiming mine = ours.getOrDefault("opencl", Map.of()).get(row[0]);
                cells.add(mine == null || pooled == null ? "-" : String.format(Locale.ROOT, "%.2f / %.2f",
                        mine.minMicros() / pooled.minMicros(), mine.medianMicros() / pooled.medianMicros()));
            }
            rows.add(cells);
        }
        int[] widths = new int[header.size()];
        for (List<String> cells : concat(header, rows)) {
            for (int c = 0; c < cells.size(); c++) {
                widths[c] = Math.max(widths[c], cells.get(c).length());
            }
        }
        for (List<String> cells : concat(header, rows)) {
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                line.append(' ').append(c == 0 ? pad(cell, widths[c], false) : pad(cell, widths[c], true)).append(" |");
            }
            out.println(line);
            if (cells == header) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) {
                    rule.append('-').append("-".repeat(width)).append("-|");
                }
                out.println(rule);
            }
        }
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String cell(SmallCallTiming t) {
        return t == null ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", t.minMicros(), t.medianMicros());
    }
}
