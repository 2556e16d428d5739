package org.jgpuarray;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * The kernel specs behind {@code GPUArray}'s arithmetic, math, conversions and reductions: each is
 * an ordinary elementwise or reduction spec written in the snippet language, so built-ins and user
 * kernels share one code path. Pure functions, memoized: a spec is built once per operation and dtypes,
 * so the hot path of an arithmetic call neither builds strings nor parses argument lists, and the
 * context's kernel cache finds the same spec instance again.
 */
final class BuiltinSpecs {
    private static final Map<List<Object>, Object> MEMO = new ConcurrentHashMap<>();

    private BuiltinSpecs() {
    }

    @SuppressWarnings("unchecked")
    static <T> T memo(Supplier<T> build, Object... key) {
        List<Object> k = List.of(key);
        Object spec = MEMO.get(k);
        if (spec == null) {
            spec = build.get();
            Object raced = MEMO.putIfAbsent(k, spec);
            spec = raced != null ? raced : spec;
        }
        return (T) spec;
    }

    /**
     * {@code out[i] = x[i] op y[i]}; with {@code ndim > 0}, over an index space of that many dimensions
     * addressing out, x and y through their strides.
     */
    static ElementwiseSpec binary(BinaryOp op, DType x, DType y, DType compute, int ndim) {
        return memo(() -> {
            DType out = op.resultType(compute);
            String expression = op.expression(cast(at("x", ndim), x, compute), cast(at("y", ndim), y, compute), compute);
            return spec(op.name().toLowerCase() + "_" + tag(x) + "_" + tag(y) + "_" + tag(out),
                    declare(out, "out") + ", " + declare(x, "x") + ", " + declare(y, "y"),
                    store(out, expression, ndim), powPreamble(op, compute), ndim, "out", "x", "y");
        }, "binary", op, x, y, compute, ndim);
    }

    /** {@code out[i] = x[i] op s}, or {@code s op x[i]} when {@code scalarFirst}; {@code s} has the compute type. */
    static ElementwiseSpec binaryScalar(BinaryOp op, DType x, DType compute, boolean scalarFirst, int ndim) {
        return memo(() -> {
            DType out = op.resultType(compute);
            String xs = cast(at("x", ndim), x, compute);
            String expression = scalarFirst ? op.expression("s", xs, compute) : op.expression(xs, "s", compute);
            return spec(op.name().toLowerCase() + (scalarFirst ? "_scalar_" + tag(x) : "_" + tag(x) + "_scalar") + "_"
                            + tag(out),
                    declare(out, "out") + ", " + declare(x, "x") + ", " + compute.cName() + " s",
                    store(out, expression, ndim), powPreamble(op, compute), ndim, "out", "x");
        }, "binaryScalar", op, x, compute, scalarFirst, ndim);
    }

    /** {@code out[i] = f(x[i])}. */
    static ElementwiseSpec unary(UnaryOp op, DType x, int ndim) {
        return memo(() -> {
            DType out = op.resultType(x);
            String expression = op.expression(cast(at("x", ndim), x, out), out);
            return spec(op.name().toLowerCase() + "_" + tag(x) + "_" + tag(out),
                    declare(out, "out") + ", " + declare(x, "x"), store(out, expression, ndim), "", ndim, "out", "x");
        }, "unary", op, x, ndim);
    }

    /**
     * {@code out[i] = (T) x[i]}; to bool, nonzero becomes 1. Also the copy of views (same types). Floating
     * point to integer follows one rule on every backend, Java's and OpenCL's {@code convert_int_sat}/
     * {@code convert_long_sat}: truncation toward zero, out-of-range values and infinities saturated, NaN to 0
     * (C leaves these undefined, and OpenCL devices give INT_MIN), written once here as a helper in portable C.
     */
    static ElementwiseSpec astype(DType x, DType out, int ndim) {
        return memo(() -> {
            String name = "astype_" + tag(x) + "_" + tag(out);
            String arguments = declare(out, "out") + ", " + declare(x, "x");
            if (x.isFloatingPoint() && out.isInteger()) {
                return spec(name, arguments, at("out", ndim) + " = jga_saturate(" + at("x", ndim) + ")",
                        saturatingConversion(x, out), ndim, "out", "x");
            }
            return spec(name, arguments, store(out, at("x", ndim), ndim), "", ndim, "out", "x");
        }, "astype", x, out, ndim);
    }

    /** {@code jga_saturate(v)}: float32/float64 to int32/int64, truncating, saturating, NaN to 0. */
    private static String saturatingConversion(DType from, DType to) {
        String f = from.cName();
        String suffix = from == DType.FLOAT32 ? "f" : "";
        boolean int32 = to == DType.INT32;
        String upper = (int32 ? "2147483648.0" : "9223372036854775808.0") + suffix;
        // below the range: a float32 cannot hold -2^31 - 1, so compare with < -2^31; a float64 can
        String lower = int32 && from == DType.FLOAT64 ? "v <= -2147483649.0"
                : "v < -" + (int32 ? "2147483648.0" : "9223372036854775808.0") + suffix;
        return to.cName() + " jga_saturate(" + f + " v)\n"
                + "{\n"
                + "    return v != v ? 0 : (v >= " + upper + " ? " + (int32 ? "INT_MAX" : "LLONG_MAX") + " : ("
                + lower + " ? " + (int32 ? "INT_MIN" : "LLONG_MIN") + " : (" + to.cName() + ") v));\n"
                + "}\n";
    }

    /** {@code out[i] = v}, with {@code v} of the array's type. */
    static ElementwiseSpec fill(DType out, int ndim) {
        return memo(() -> spec("fill_" + tag(out), declare(out, "out") + ", " + out.cName() + " v",
                at("out", ndim) + " = v", "", ndim, "out"), "fill", out, ndim);
    }

    /** {@code out[i] = start + i * step}, computed in the output type (no float64 needed for float32). */
    static ElementwiseSpec arange(DType out) {
        return memo(() -> {
            if (out.isInteger()) {
                return spec("arange_" + tag(out), declare(out, "out") + ", long start, long step",
                        "out[i] = (" + out.cName() + ") (start + i * step)", "");
            }
            String t = out.cName();
            return spec("arange_" + tag(out), declare(out, "out") + ", " + t + " start, " + t + " step",
                    "out[i] = start + (" + t + ") i * step", "");
        }, "arange", out);
    }

    /** NumPy's {@code sum} dtype: bool and integers sum in int64, floats in their own type. */
    static DType sumType(DType x) {
        return x.isFloatingPoint() ? x : DType.INT64;
    }

    /** Sum of {@code x}, in {@link #sumType}. */
    static ReductionSpec sum(DType x) {
        return memo(() -> {
            DType acc = sumType(x);
            return new ReductionSpec("sum_" + tag(x), acc.scalarType(), "0", "a + b", cast("x[i]", x, acc),
                    ArgumentList.parse(declare(x, "x")), "");
        }, "sum", x);
    }

    /** Sum of {@code x[i] * y[i]} in {@code type}, the promoted type of the operands. */
    static ReductionSpec dot(DType x, DType y, DType type) {
        return memo(() -> new ReductionSpec("dot_" + tag(x) + "_" + tag(y), type.scalarType(), "0", "a + b",
                cast("x[i]", x, type) + " * " + cast("y[i]", y, type),
                ArgumentList.parse(declare(x, "x") + ", " + declare(y, "y")), ""), "dot", x, y, type);
    }

    /** Maximum (or minimum) of {@code x}; a NaN anywhere gives NaN, as in NumPy. */
    static ReductionSpec extremum(DType x, boolean maximum) {
        return memo(() -> {
            String name = (maximum ? "max_" : "min_") + tag(x);
            String compare = maximum ? ">" : "<";
            if (x.isFloatingPoint()) {
                return new ReductionSpec(name, x.scalarType(), maximum ? "-INFINITY" : "INFINITY",
                        "(isnan(a) || a " + compare + " b) ? a : b", "x[i]", ArgumentList.parse(declare(x, "x")), "");
            }
            if (!x.isInteger()) {
                throw new IllegalArgumentException((maximum ? "max" : "min") + " of a " + x.numpyName()
                        + " array is not supported; convert with astype first");
            }
            String neutral = x == DType.INT32 ? (maximum ? "INT_MIN" : "INT_MAX") : (maximum ? "LLONG_MIN" : "LLONG_MAX");
            return new ReductionSpec(name, x.scalarType(), neutral, "(a " + compare + " b) ? a : b", "x[i]",
                    ArgumentList.parse(declare(x, "x")), "");
        }, "extremum", x, maximum);
    }

    private static ElementwiseSpec spec(String name, String arguments, String operation, String preamble) {
        return spec(name, arguments, operation, preamble, 0);
    }

    /** A spec whose arrays, when {@code ndim > 0}, are addressed through an index space of that many dimensions. */
    static ElementwiseSpec spec(String name, String arguments, String operation, String preamble, int ndim,
                                        String... arrays) {
        if (ndim == 0) {
            return new ElementwiseSpec(name, ArgumentList.parse(arguments), operation, preamble, "", "");
        }
        IndexSpace space = new IndexSpace(ndim, List.of(arrays));
        return new ElementwiseSpec(name + "_strided" + ndim, ArgumentList.parse(arguments + ", " + space.declaration()),
                operation, preamble, "", "", space);
    }

    /** Element {@code i} of an array: {@code x[i]} when flat, {@code x[jga_at_x]} in an index space. */
    static String at(String array, int ndim) {
        return ndim == 0 ? array + "[i]" : array + "[" + IndexSpace.at(array) + "]";
    }

    static String declare(DType type, String name) {
        return type.cName() + " *" + name;
    }

    static String cast(String value, DType from, DType to) {
        return from == to ? value : "((" + to.cName() + ") " + value + ")";
    }

    static String store(DType out, String expression, int ndim) {
        String target = at("out", ndim);
        return out == DType.BOOL ? target + " = (" + expression + ") != 0"
                : target + " = (" + out.cName() + ") (" + expression + ")";
    }

    static String tag(DType type) {
        return type.numpyName();
    }

    private static String powPreamble(BinaryOp op, DType compute) {
        if (op != BinaryOp.POW || compute.isFloatingPoint()) {
            return "";
        }
        String t = compute.cName();
        return t + " jga_ipow_" + compute.numpyName() + "(" + t + " base, " + t + " exponent)\n"
                + "{\n"
                + "    if (exponent < 0) {\n"
                + "        return base == 1 ? 1 : (base == -1 ? ((exponent & 1) ? -1 : 1) : 0);\n"
                + "    }\n"
                + "    " + t + " result = 1;\n"
                + "    while (exponent > 0) {\n"
                + "        if (exponent & 1) {\n"
                + "            result *= base;\n"
                + "        }\n"
                + "        base *= base;\n"
                + "        exponent >>= 1;\n"
                + "    }\n"
                + "    return result;\n"
                + "}\n";
    }
}
