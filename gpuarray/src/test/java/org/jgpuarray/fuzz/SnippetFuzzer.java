package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The differential fuzzer of the snippet language: generates {@code count} cases from a seed (one in
 * ten a reduction, the rest elementwise cases run {@value #BATCH} to a kernel), runs them on the CPU
 * backend and another backend, and collects every discrepancy. Case {@code k} of seed {@code s} has
 * seed {@link #caseSeed(long, int)}, so any case can be regenerated alone.
 */
final class SnippetFuzzer {
    static final int BATCH = 16;
    static final int ELEMENTS = 24;

    /** What a run found. */
    record Summary(int cases, int elementwise, int reductions, List<Finding> findings) {
        /** Findings grouped by {@link Finding#signature()}, with counts. */
        Map<String, Integer> bySignature() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (Finding f : findings) {
                m.merge(f.signature(), 1, Integer::sum);
            }
            return m;
        }
    }

    private SnippetFuzzer() {
    }

    /** The seed of case {@code index} of a run with seed {@code seed}. */
    static long caseSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 29);
    }

    /** True when case {@code index} is a reduction. */
    static boolean isReduction(int index) {
        return index % 20 == 19;
    }

    /** Case {@code index} of seed {@code seed}, as a batch would hold it at {@code slot} of {@code slots}. */
    static FuzzCase generate(long seed, int index, int slot, int slots) {
        long s = caseSeed(seed, index);
        return isReduction(index) ? ReductionGen.reduction(s)
                : CaseGen.elementwise(s, "c" + slot + "_", ELEMENTS, slot == slots - 1);
    }

    static Summary run(Differential d, long seed, int count, Consumer<String> log) {
        List<Finding> findings = new ArrayList<>();
        List<FuzzCase> pending = new ArrayList<>();
        int reductions = 0;
        long start = System.nanoTime();
        for (int index = 0; index < count; index++) {
            if (isReduction(index)) {
                reductions++;
                add(findings, d.single(generate(seed, index, 0, 1)), log);
            } else {
                pending.add(generate(seed, index, pending.size(), BATCH));
            }
            if (pending.size() == BATCH || index == count - 1 && !pending.isEmpty()) {
                for (Finding f : d.batch(new Batch(pending))) {
                    add(findings, f, log);
                }
                pending.clear();
            }
            if ((index + 1) % 200 == 0) {
                log.accept(String.format("%d cases, %d findings, %.0f s", index + 1, findings.size(),
                        (System.nanoTime() - start) / 1e9));
            }
        }
        return new Summary(count, count - reductions, reductions, findings);
    }

    private static void add(List<Finding> findings, Finding f, Consumer<String> log) {
        if (f != null) {
            findings.add(f);
            log.accept(f.report());
        }
    }
}
