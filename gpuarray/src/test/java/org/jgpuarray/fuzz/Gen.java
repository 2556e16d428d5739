package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The state of generating one case: its random stream, name prefix, element count, the preamble's
 * helpers and macros, fresh-name counters and which scratch variables the current statement assigns.
 */
final class Gen {
    /**
     * A parameter of a helper function or function-like macro, with the facts its arguments must meet;
     * an array parameter takes a kernel array (or another helper's array parameter) of its type.
     */
    record Param(String name, FuzzType type, Facts facts, boolean array) {
        Param(String name, FuzzType type, Facts facts) {
            this(name, type, facts, false);
        }
    }

    /** A helper function of the preamble: arguments must meet the parameters' facts; returns {@code result}. */
    record Helper(String name, FuzzType type, Facts result, List<Param> params) {
    }

    /** A macro; {@code params} is null for an object-like one. */
    record Macro(String name, List<Param> params, FuzzType type, Facts result) {
    }

    final Random r;
    final String prefix;
    /** The number of elements every array of the case has. */
    final int n;
    final List<Helper> helpers = new ArrayList<>();
    /** Const globals of the preamble, visible to helpers and the operation. */
    final Scope globals = new Scope(null);
    final List<Macro> macros = new ArrayList<>();
    /** Scratch variables assigned by the statement being generated (each at most once per statement). */
    final Set<String> touched = new HashSet<>();
    /** Whether a top-level {@code continue} may end the case's code early (only the last case of a batch). */
    final boolean mayContinue;
    private int names;

    Gen(Random r, String prefix, int n, boolean mayContinue) {
        this.r = r;
        this.prefix = prefix;
        this.n = n;
        this.mayContinue = mayContinue;
    }

    String fresh(String kind) {
        return prefix + kind + names++;
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    int pick(int bound) {
        return r.nextInt(bound);
    }

    <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[r.nextInt(items.length)];
    }

    /** A random integral invariant for a variable of {@code t}. */
    Facts intInvariant(FuzzType t) {
        if (t == FuzzType.BOOL) {
            return Facts.integral(t, 0, 1);
        }
        int[] ks = t == FuzzType.INT ? new int[] {3, 7, 12, 16, 24, 30} : new int[] {7, 16, 33, 40, 48, 62};
        int k = ks[pick(ks.length)];
        return switch (pick(4)) {
            case 0 -> Facts.any(t);
            case 1 -> Facts.integral(t, 0, (1L << k) - 1);
            default -> Facts.integral(t, -(1L << k), 1L << k);
        };
    }

    /** A random floating invariant: anything (NaN and infinities included) or a bounded finite range. */
    Facts floatInvariant(FuzzType t) {
        if (chance(0.4)) {
            return Facts.any(t);
        }
        double b = pick(1.0, 100.0, 1e4, 1e6, 3e9);
        return Facts.floating(t, -b, b, false, false);
    }

    Facts invariant(FuzzType t) {
        return t.isFloating() ? floatInvariant(t) : intInvariant(t);
    }
}
