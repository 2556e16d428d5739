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

    private final int n;
    private final int samples;
    private final int rounds;
    private final long seed;
    private final String python;

    /**
     * @param n       elements per array
     * @param samples timed samples per call and side, shared among the rounds
     * @param rounds  each call is timed this many times on every side, the sides in turn call by call, so that
     *                they see the machine's changing load alike
     * @param seed    seed of the inputs
     * @param python  the interpreter with PyOpenCL, or null to look for one
     */
    SmallCallsBench(int n, int samples, int rounds, long seed, String python) {
        this.n = n;
        this.samples = samples;
        this.rounds = rounds;
        this.seed = seed;
        this.python = python;
    }

    /**
     * Measures and prints.
     *
     * @return true when every result was right
     */
    boolean run(List<GpuContext> contexts, PrintWriter out) {
        int each = samples / rounds;
        boolean right = true;
        Map<String, SmallCalls> ours = new LinkedHashMap<>();
        PyOpenClSmallCalls.Started peer = null;
        try {
            for (GpuContext ctx : contexts) {
                try {
                    ours.put(ctx.backendName(), SmallCalls.open(ctx, n, seed, each));
                } catch (IllegalStateException e) {
                    out.println("bench: " + ctx.backendName() + ": " + e.getMessage());
                    right = false;
                }
            }
            GpuContext openCl = contexts.stream().filter(c -> c.backendName().equals("opencl")).findFirst()
                    .orElse(null);
            peer = openCl == null ? PyOpenClSmallCalls.Started.failed("no OpenCL context to compare with")
                    : PyOpenClSmallCalls.start(python, openCl.device().name(), n, each, seed);
            Map<String, Map<String, List<SmallCallTiming>>> ourRounds = new LinkedHashMap<>();
            Map<String, List<SmallCallTiming>> peerRounds = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String[] row : ROWS) {
                    for (Map.Entry<String, SmallCalls> side : ours.entrySet()) {
                        ourRounds.computeIfAbsent(side.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(row[0], k -> new ArrayList<>()).add(side.getValue().time(row[0], each));
                    }
                    for (int key = 1; key <= 2 && peer.session() != null; key++) {
                        if (row[key] != null) {
                            peerRounds.computeIfAbsent(row[key], k -> new ArrayList<>())
                                    .add(peer.session().measure(row[key], each));
                        }
                    }
                }
            }
            out.printf(Locale.ROOT, "small calls, float32, n = %d, %d rounds of %d samples per call and side, the sides"
                    + " in turn call by call%n(min over the rounds / median of the rounds' medians, microseconds per"
                    + " call)%n", n, rounds, each);
            if (peer.session() != null) {
                out.println("PyOpenCL on " + peer.session().device());
            } else {
                out.println("PyOpenCL not measured: " + peer.problem());
                right &= !peer.wrong();
            }
            Map<String, Map<String, SmallCallTiming>> combined = new LinkedHashMap<>();
            ourRounds.forEach((backend, byKey) -> combined.put(backend, combine(byKey)));
            print(combined, combine(peerRounds), out);
            out.flush();
            return right;
        } finally {
            ours.values().forEach(SmallCalls::close);
            if (peer != null && peer.session() != null) {
                peer.session().close();
            }
        }
    }

    private static Map<String, SmallCallTiming> combine(Map<String, List<SmallCallTiming>> byKey) {
        Map<String, SmallCallTiming> combined = new LinkedHashMap<>();
        byKey.forEach((key, list) -> combined.put(key, SmallCallTiming.combine(list)));
        return combined;
    }

    private static void print(Map<String, Map<String, SmallCallTiming>> ours, Map<String, SmallCallTiming> peer,
                              PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("call"));
        ours.keySet().forEach(header::add);
        boolean withPeer = !peer.isEmpty();
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
                SmallCallTiming pooled = peer.get(row[1]);
                cells.add(cell(pooled));
                cells.add(row[2] == null ? "-" : cell(peer.get(row[2])));
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
