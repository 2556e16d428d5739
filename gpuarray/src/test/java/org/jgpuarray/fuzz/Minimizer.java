package org.jgpuarray.fuzz;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks an elementwise case that shows a discrepancy: first to the one element that disagrees, then
 * by deleting statements (lines that are whole simple statements) while the same discrepancy remains.
 * Each try builds the case on both backends, so the number of tries is bounded.
 */
final class Minimizer {
    private static final int MAX_TRIES = 60;

    private Minimizer() {
    }

    /** The smallest case found that still shows {@code f}'s kind of discrepancy, or {@code f}'s own case. */
    static FuzzCase minimize(Differential d, Finding f) {
        FuzzCase c = f.fuzzCase();
        if (c.reduction() != null) {
            return c;
        }
        if (f.element() >= 0) {
            FuzzCase one = oneElement(c, f.element());
            if (same(d.single(one), f)) {
                c = one;
            }
        }
        List<String> lines = new ArrayList<>(c.operation().lines().toList());
        int tries = 0;
        for (int k = lines.size() - 1; k >= 0 && tries < MAX_TRIES; k--) {
            if (!removable(lines.get(k))) {
                continue;
            }
            List<String> shorter = new ArrayList<>(lines);
            shorter.remove(k);
            FuzzCase candidate = withOperation(c, String.join("\n", shorter) + "\n");
            tries++;
            if (same(d.single(candidate), f)) {
                lines = shorter;
                c = candidate;
            }
        }
        return c;
    }

    private static boolean removable(String line) {
        String s = line.strip();
        return s.endsWith(";") && !s.startsWith("for") && !s.startsWith("while") && !s.startsWith("}")
                && !s.startsWith("case") && !s.startsWith("default");
    }

    private static boolean same(Finding now, Finding original) {
        return now != null && now.kind() == original.kind()
                && (now.kind() != Finding.Kind.MISMATCH || now.output().equals(original.output()));
    }

    private static FuzzCase withOperation(FuzzCase c, String operation) {
        return new FuzzCase(c.origin() + " minimized", c.arguments(), c.preamble(), c.loopPrep(), operation, null, c.n());
    }

    /** The case on element {@code k} alone (n = 1). */
    private static FuzzCase oneElement(FuzzCase c, int k) {
        List<FuzzCase.Arg> args = new ArrayList<>();
        for (FuzzCase.Arg a : c.arguments()) {
            if (!a.array()) {
                args.add(a);
                continue;
            }
            Object one = Array.newInstance(a.values().getClass().getComponentType(), 1);
            Array.set(one, 0, Array.get(a.values(), k));
            args.add(new FuzzCase.Arg(a.name(), a.type(), true, one, a.check()));
        }
        return new FuzzCase(c.origin() + " element " + k, args, c.preamble(), c.loopPrep(), c.operation(), null, 1);
    }
}
