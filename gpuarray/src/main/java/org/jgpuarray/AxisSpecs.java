package org.jgpuarray;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * The reduction specs of the reductions along axes that {@link BuiltinSpecs} does not have (product, any/all,
 * the index pass of argmax/argmin, the deviations of var), written as plain specs over {@code x[i]}, and the
 * segmented variant of any spec: its arrays addressed through an index space of outer and inner dimensions.
 * Pure functions, memoized per operation and dtypes.
 */
final class AxisSpecs {
    private static final Map<List<Object>, ReductionSpec> MEMO = new ConcurrentHashMap<>();

    private AxisSpecs() {
    }

    /** Product of {@code x}, in NumPy's {@code prod} dtype (that of {@code sum}). */
    static ReductionSpec prod(DType x) {
        return memo(List.of("prod", x), () -> {
            DType acc = BuiltinSpecs.sumType(x);
            return new ReductionSpec("prod_" + x.numpyName(), acc.scalarType(), "1", "a * b", cast("x[i]", x, acc),
                    ArgumentList.parse(x.cName() + " *x"), "");
        });
    }

    /** 1 when any (or every) element of {@code x} is nonzero (NaN counts as nonzero), else 0; an int32. */
    static ReductionSpec anyAll(DType x, boolean any) {
        return memo(List.of("anyAll", x, any), () -> new ReductionSpec((any ? "any_" : "all_") + x.numpyName(),
                DType.INT32.scalarType(), any ? "0" : "1", any ? "a | b" : "a & b", "(x[i] != 0) ? 1 : 0",
                ArgumentList.parse(x.cName() + " *x"), ""));
    }

    /**
     * The first {@code i} where {@code x[i]} equals its output's extremum {@code m[i]} (for floats, the first NaN
     * when the extremum is NaN); {@code LLONG_MAX} where none does. Segmented only: {@code m} is broadcast along
     * the reduced axes.
     */
    static ReductionSpec firstIndexOf(DType x) {
        return memo(List.of("firstIndexOf", x), () -> {
            String hit = x.isFloatingPoint() ? "(x[i] == m[i] || (isnan(m[i]) && isnan(x[i])))" : "(x[i] == m[i])";
            return new ReductionSpec("argextremum_" + x.numpyName(), DType.INT64.scalarType(), "LLONG_MAX",
                    "(a < b) ? a : b", hit + " ? i : LLONG_MAX",
                    ArgumentList.parse(x.cName() + " *x, " + x.cName() + " *m"), "");
        });
    }

    /** Sum of {@code (x[i] - m[i])^2} in {@code type} (float32 or float64), {@code m} the mean broadcast. */
    static ReductionSpec squaredDeviations(DType x, DType type) {
        return memo(List.of("squaredDeviations", x, type), () -> {
            String t = type.cName();
            String square = "jga_square_" + type.numpyName();
            return new ReductionSpec("sqdev_" + x.numpyName(), type.scalarType(), "0", "a + b",
                    square + "(" + cast("x[i]", x, type) + " - m[i])",
                    ArgumentList.parse(x.cName() + " *x, " + t + " *m"),
                    t + " " + square + "(" + t + " d) { return d * d; }");
        });
    }

    /**
     * {@code base} as a segmented reduction: its arrays addressed through an index space of {@code outerDims}
     * outer and {@code innerDims} inner dimensions, each use {@code x[i]} in the map expression becoming the
     * element at the current position.
     *
     * @param arrays the array arguments, in order; each must appear in the map expression only as {@code x[i]}
     */
    static ReductionSpec segmented(ReductionSpec base, int outerDims, int innerDims, List<String> arrays) {
        return memo(List.of("segmented", base, outerDims, innerDims, arrays),
                () -> segment(base, outerDims, innerDims, arrays));
    }

    /** {@link #segmented} without the memo, for user kernels (which keep their own). */
    static ReductionSpec segment(ReductionSpec base, int outerDims, int innerDims, List<String> arrays) {
        IndexSpace space = new IndexSpace(outerDims + innerDims, arrays);
        String map = base.mapExpression();
        for (String a : arrays) {
            map = SnippetUses.addressThroughSpace(map, a, IndexSpace.at(a));
        }
        ArgumentList arguments = ArgumentList.parse(base.arguments().declaration() + ", " + space.declaration());
        return new ReductionSpec(base.name() + "_seg" + outerDims + "_" + innerDims, base.outputType(),
                base.neutral(), base.reduceExpression(), map, arguments, base.preamble(), space, outerDims);
    }

    /** The array arguments of {@code spec}, in order. */
    static List<String> arrays(ReductionSpec spec) {
        return spec.arguments().arguments().stream().filter(org.jgpuarray.kernels.Argument::array)
                .map(org.jgpuarray.kernels.Argument::name).toList();
    }

    private static ReductionSpec memo(List<Object> key, java.util.function.Supplier<ReductionSpec> build) {
        ReductionSpec spec = MEMO.get(key);
        if (spec == null) {
            spec = build.get();
            ReductionSpec raced = MEMO.putIfAbsent(key, spec);
            spec = raced != null ? raced : spec;
        }
        return spec;
    }

    private static String cast(String value, DType from, DType to) {
        return from == to ? value : "((" + to.cName() + ") " + value + ")";
    }
}
