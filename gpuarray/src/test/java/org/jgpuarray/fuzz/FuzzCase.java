package org.jgpuarray.fuzz;

import java.util.List;

/**
 * One generated snippet with its inputs: an elementwise kernel (arguments, preamble, operation) or, when
 * {@link #reduction()} is set, a map-reduce kernel.
 *
 * @param origin    the call that regenerates this case
 * @param arguments the kernel's arguments in order, with their input values
 * @param preamble  helper functions and macros
 * @param loopPrep  statements run once per worker before its elements (elementwise only; may be empty)
 * @param operation the elementwise operation (for a reduction, null)
 * @param reduction the reduction's expressions and result check, or null
 * @param n         the number of elements
 */
record FuzzCase(String origin, List<Arg> arguments, String preamble, String loopPrep, String operation,
                Reduction reduction, int n) {
    /** How an output must agree between backends. */
    record Check(boolean exact, int ulp, FuzzType ulpType, boolean zeroSignFree) {
        static final Check EXACT = new Check(true, 0, null, false);
        static final Check ANY_ZERO = new Check(true, 0, null, true);
    }

    /**
     * A kernel argument.
     *
     * @param values an int[], long[], float[], double[] or boolean[] for arrays, a boxed value for scalars
     * @param check  for arrays the kernel writes, how the backends must agree; null for inputs
     */
    record Arg(String name, FuzzType type, boolean array, Object values, Check check) {
        String declaration() {
            return type.cName() + (array ? " *" : " ") + name;
        }
    }

    /** A map-reduce kernel: {@code neutral}, {@code reduce} in a and b, {@code map} in i. */
    record Reduction(FuzzType type, String neutral, String reduce, String map, Check check) {
    }

    String argumentList() {
        StringBuilder s = new StringBuilder();
        for (Arg a : arguments) {
            s.append(s.length() == 0 ? "" : ", ").append(a.declaration());
        }
        return s.toString();
    }

    /** The case as a reader can paste it into a test. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append(origin).append(", n = ").append(n).append('\n');
        s.append("arguments: ").append(argumentList()).append('\n');
        if (!preamble.isBlank()) {
            s.append("preamble:\n").append(preamble);
        }
        if (!loopPrep.isBlank()) {
            s.append("loop preparation:\n").append(loopPrep);
        }
        if (reduction != null) {
            s.append("reduction ").append(reduction.type().cName()).append(": neutral ").append(reduction.neutral())
                    .append(", reduce ").append(reduction.reduce()).append(", map ").append(reduction.map()).append('\n');
        } else {
            s.append("operation:\n").append(operation);
        }
        return s.toString();
    }
}
