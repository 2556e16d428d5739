package org.jgpuarray;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;

/**
 * The elementwise kernels that {@code unique} and {@code searchsorted} run on sorted arrays, in the snippet
 * language (so every backend runs the same code), memoized per dtype. Equality is jgpuarray's sort order:
 * NaNs equal each other and follow every number, -0.0 equals 0.0.
 */
final class SortSpecs {
    private static final Map<String, ElementwiseSpec> MEMO = new ConcurrentHashMap<>();

    private SortSpecs() {
    }

    /** {@code flags[i] = 1} where sorted {@code s[i]} differs from {@code s[i - 1]} (and at 0), else 0. */
    static ElementwiseSpec runStarts(DType t) {
        String differs = t.isFloatingPoint()
                ? "!(s[i] == s[i - 1] || (isnan(s[i]) && isnan(s[i - 1])))" : "s[i] != s[i - 1]";
        return memo("unique_starts_" + t.numpyName(), "long *flags, " + t.cName() + " *s",
                "flags[i] = (i == 0 || " + differs + ") ? 1 : 0");
    }

    /**
     * With {@code pos} the inclusive prefix sum of the run-start flags: the first element of each run of
     * {@code s} goes to {@code values[pos[i] - 1]}, its index to {@code starts[pos[i] - 1]}.
     */
    static ElementwiseSpec compactRuns(DType t) {
        return memo("unique_compact_" + t.numpyName(), t.cName() + " *values, long *starts, long *pos, "
                        + t.cName() + " *s",
                "long p = pos[i];\n"
                        + "if (i == 0 || p != pos[i - 1]) {\n"
                        + "    values[p - 1] = s[i];\n"
                        + "    starts[p - 1] = i;\n"
                        + "}");
    }

    /** {@code counts[i]}: the length of run {@code i} of {@code n}, from the runs' starts and the total. */
    static ElementwiseSpec runLengths() {
        return memo("unique_run_lengths", "long *counts, long *starts, long total",
                "counts[i] = (i + 1 < n ? starts[i + 1] : total) - starts[i]");
    }

    /**
     * {@code out[i]}: where {@code v[i]} would be inserted into the sorted {@code a} of {@code na} elements,
     * before (left) or after (right) the elements equal to it; a binary search.
     */
    static ElementwiseSpec search(DType t, boolean right) {
        String y = "a[mid]";
        String before;
        if (t.isFloatingPoint()) {
            // a[mid] sorts before x (left) or not after it (right), NaN last
            before = right ? "!(x < " + y + " || (isnan(" + y + ") && !isnan(x)))"
                    : y + " < x || (isnan(x) && !isnan(" + y + "))";
        } else {
            before = right ? y + " <= x" : y + " < x";
        }
        return memo("searchsorted_" + (right ? "right_" : "left_") + t.numpyName(),
                "long *out, " + t.cName() + " *v, " + t.cName() + " *a, long na",
                t.cName() + " x = v[i];\n"
                        + "long lo = 0;\n"
                        + "long hi = na;\n"
                        + "while (lo < hi) {\n"
                        + "    long mid = (lo + hi) / 2;\n"
                        + "    if (" + before + ") {\n"
                        + "        lo = mid + 1;\n"
                        + "    } else {\n"
                        + "        hi = mid;\n"
                        + "    }\n"
                        + "}\n"
                        + "out[i] = lo;");
    }

    private static ElementwiseSpec memo(String name, String arguments, String operation) {
        return MEMO.computeIfAbsent(name, k -> new ElementwiseSpec(name, ArgumentList.parse(arguments), operation,
                "", "", ""));
    }
}
