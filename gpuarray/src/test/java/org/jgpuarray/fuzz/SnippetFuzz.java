package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jgpuarray.GpuContext;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * The differential fuzzer of the snippet language, for the backends' tests: generated snippets run on
 * the CPU backend and another backend must agree (see {@link Compare} for the tolerance policy), and
 * every generated program must compile for a dialect. Runs are reproducible: {@code -Djgpuarray.fuzz.seed}
 * and {@code -Djgpuarray.fuzz.count} choose them; a finding names the call that regenerates its case.
 */
public final class SnippetFuzz {
    /** The seed of the CI run. */
    public static final long DEFAULT_SEED = 20261201L;
    /** Cases in the CI run: about a minute on a two-core machine with PoCL. */
    public static final int DEFAULT_COUNT = 240;

    /**
     * What a run found.
     *
     * @param cases       snippets run (elementwise cases plus reductions)
     * @param reductions  of which reductions
     * @param findings    one report per discrepancy (seed, snippet, inputs, both outputs), minimized where possible
     * @param bySignature discrepancies grouped by cause, with counts
     * @param seconds     wall time
     */
    public record Result(int cases, int reductions, List<String> findings, Map<String, Integer> bySignature,
                         double seconds) {
        public boolean clean() {
            return findings.isEmpty();
        }

        public String summary() {
            return String.format("%d snippets (%d elementwise, %d reductions), %d discrepancies, %.0f s%s", cases,
                    cases - reductions, reductions, findings.size(), seconds,
                    bySignature.isEmpty() ? "" : "\n" + bySignature);
        }
    }

    private SnippetFuzz() {
    }

    /** The run's seed: {@code -Djgpuarray.fuzz.seed}, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong("jgpuarray.fuzz.seed", DEFAULT_SEED);
    }

    /** The run's size: {@code -Djgpuarray.fuzz.count}, else {@link #DEFAULT_COUNT}. */
    public static int count() {
        return Integer.getInteger("jgpuarray.fuzz.count", DEFAULT_COUNT);
    }

    /**
     * Runs {@code count} generated snippets on {@code reference} (the CPU backend) and {@code other}.
     *
     * @param log receives progress lines and each finding's report as it is found
     */
    public static Result differential(GpuContext reference, GpuContext other, long seed, int count, Consumer<String> log) {
        long start = System.nanoTime();
        Differential d = new Differential(reference, other);
        SnippetFuzzer.Summary s = SnippetFuzzer.run(d, seed, count, log);
        List<String> reports = new ArrayList<>();
        for (Finding f : s.findings()) {
            FuzzCase small = Minimizer.minimize(d, f);
            String report = f.report();
            if (small != f.fuzzCase()) {
                report += "minimized (" + small.origin() + "):\n" + small.describe();
            }
            reports.add(report);
        }
        return new Result(s.cases(), s.reductions(), reports, s.bySignature(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The kernel programs of a run ({@link ElementwiseSpec}s of batches of cases, {@link ReductionSpec}s),
     * for compilers that need no device, such as NVRTC.
     */
    public static List<Object> specs(long seed, int count) {
        List<Object> specs = new ArrayList<>();
        List<FuzzCase> pending = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            if (SnippetFuzzer.isReduction(index)) {
                FuzzCase c = SnippetFuzzer.generate(seed, index, 0, 1);
                FuzzCase.Reduction r = c.reduction();
                specs.add(new ReductionSpec("fuzz_" + index, r.type().scalarType(), r.neutral(), r.reduce(), r.map(),
                        ArgumentList.parse(c.argumentList()), Batch.NO_CONTRACTION + c.preamble()));
            } else {
                pending.add(SnippetFuzzer.generate(seed, index, pending.size(), SnippetFuzzer.BATCH));
            }
            if (pending.size() == SnippetFuzzer.BATCH || index == count - 1 && !pending.isEmpty()) {
                Batch b = new Batch(pending);
                specs.add(new ElementwiseSpec("fuzz_" + index, ArgumentList.parse(b.argumentList()), b.operation(),
                        b.preamble(), b.loopPrep(), ""));
                pending = new ArrayList<>();
            }
        }
        return specs;
    }
}
