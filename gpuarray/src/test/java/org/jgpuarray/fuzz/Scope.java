package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Names visible at a point of a generated snippet: variables and arrays, with C's block scoping. */
final class Scope {
    /** How a variable may be used. */
    enum Kind {
        /** A local or parameter the generator may assign, keeping its invariant. */
        LOCAL,
        /** A {@code const} local or kernel scalar: read only. */
        CONST,
        /** {@code out[i]}: assignable, like a local. */
        OUTPUT,
        /** The index {@code i} or count {@code n}, or a loop counter: read only. */
        FIXED,
        /** Assigned only inside expressions, never read there: see {@link ExprGen}. */
        SCRATCH
    }

    /**
     * A scalar variable.
     *
     * @param text its C spelling as an lvalue ({@code c0_v1}, {@code c0_o0[i]})
     * @param inv  facts that hold for its value at every point where it can be read
     */
    record Var(String name, String text, FuzzType type, Facts inv, Kind kind) {
        boolean assignable() {
            return kind == Kind.LOCAL || kind == Kind.OUTPUT;
        }
    }

    /**
     * An array.
     *
     * @param length   its length, or -1 for an array of n elements: a kernel array or a helper's array parameter
     * @param writable true for local arrays, whose elements may be assigned keeping {@code elem}
     * @param index    for arrays of n elements, the variable in [0, n) that indexes them ({@code i}, or a
     *                 helper's index parameter)
     * @param kernel   true for kernel arrays and helper array parameters, which helpers may take
     */
    record Arr(String name, FuzzType type, Facts elem, int length, boolean writable, String index, boolean kernel) {
        static Arr local(String name, FuzzType type, Facts elem, int length) {
            return new Arr(name, type, elem, length, true, null, false);
        }

        static Arr kernel(String name, FuzzType type, Facts elem, String index) {
            return new Arr(name, type, elem, -1, false, index, true);
        }
    }

    private final Scope parent;
    private final Map<String, Object> names = new LinkedHashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    void add(Var v) {
        names.put(v.name(), v);
    }

    void add(Arr a) {
        names.put(a.name(), a);
    }

    boolean declaresHere(String name) {
        return names.containsKey(name);
    }

    /** Visible variables (not shadowed) that satisfy {@code p}. */
    List<Var> vars(Predicate<Var> p) {
        List<Var> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Scope s = this; s != null; s = s.parent) {
            for (Object o : s.names.values()) {
                String name = o instanceof Var v ? v.name() : ((Arr) o).name();
                if (seen.add(name) && o instanceof Var v && p.test(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Visible arrays (not shadowed) that satisfy {@code p}. */
    List<Arr> arrays(Predicate<Arr> p) {
        List<Arr> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Scope s = this; s != null; s = s.parent) {
            for (Object o : s.names.values()) {
                String name = o instanceof Var v ? v.name() : ((Arr) o).name();
                if (seen.add(name) && o instanceof Arr a && p.test(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** Names declared in enclosing scopes (candidates for shadowing). */
    List<Object> outerDeclarations() {
        List<Object> out = new ArrayList<>();
        for (Scope s = parent; s != null; s = s.parent) {
            out.addAll(s.names.values());
        }
        return out;
    }
}
