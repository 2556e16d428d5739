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
    private final int rounds;
    private final String python;
    private final int n;
    private final int samples;
    private final int warmup;
    private final long seed;

    /**
     * @param rounds ours, then PyOpenCL's, this many times in turn, {@code samples / rounds} samples each time, so
     *               that both sides see the machine's changing load alike
     */
    SmallCallsBench(int n, int samples, int rounds, long seed, String python) {
        this.calls = new SmallCalls(n, samples / rounds, samples / rounds, seed);
        this.rounds = rounds;
        this.python = python;
        this.n = n;
        this.samples = samples;
        this.warmup = samples / rounds;
        this.seed = seed;
    }

    /**
     * Measures and prints.
     *
     * @return true when every result was right
     */
    boolean run(List<GpuContext> contexts, PrintWriter out) {
        Map<String, List<Map<String, SmallCallTiming>>> ourRounds = new LinkedHashMap<>();
        List<Map<String, SmallCallTiming>> peerRounds = new ArrayList<>();
        PyOpenClSmallCalls.Result peer = null;
        boolean right = true;
        GpuContext openCl = contexts.stream().filter(c -> c.backendName().equals("opencl")).findFirst().orElse(null);
        for (int round = 0; round < rounds && right; round++) {
            for (GpuContext ctx : contexts) {
                try {
                    ourRounds.computeIfAbsent(ctx.backendName(), k -> new ArrayList<>()).add(calls.run(ctx));
                } catch (IllegalStateException e) {
                    out.println("bench: " + ctx.backendName() + ": " + e.getMessage());
                    right = false;
                }
            }
            if (peer == null || peer.problem().isEmpty()) {
                peer = openCl == null ? PyOpenClSmallCalls.Result.failed("no OpenCL context to compare with")
                        : PyOpenClSmallCalls.run(python, openCl.device().name(), n, samples / rounds, warmup, seed);
                if (peer.problem().isEmpty()) {
                    peerRounds.add(peer.timings());
                }
            }
        }
        out.printf(Locale.ROOT, "small calls, float32, n = %d, %d rounds of %d samples each, ours then PyOpenCL's in"
                + " turn%n(min over the rounds / median of the rounds' medians, microseconds per call)%n", n, rounds,
                samples / rounds);
        if (peer.problem().isEmpty()) {
            out.println("PyOpenCL on " + peer.device());
        } else {
            out.println("PyOpenCL not measured: " + peer.problem());
            right &= !peer.wrong();
        }
        Map<String, Map<String, SmallCallTiming>> ours = new LinkedHashMap<>();
        ourRounds.forEach((backend, list) -> ours.put(backend, SmallCallTiming.combine(list)));
        print(ours, SmallCallTiming.combine(peerRounds), out);
        out.flush();
        return right;
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
