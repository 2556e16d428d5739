package org.jgpuarray.internal;

import org.jgpuarray.DType;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * The kernel specs behind {@code GPUArray}'s arithmetic, math, conversions and reductions: each is
 * an ordinary elementwise or reduction spec written in the snippet language, so built-ins and user
 * kernels share one code path. Pure functions.
 */
public final class BuiltinSpecs {
    private BuiltinSpecs() {
    }

    /** {@code out[i] = x[i] op y[i]}. */
    public static ElementwiseSpec binary(BinaryOp op, DType x, DType y, DType compute) {
        DType out = op.resultType(compute);
        String expression = op.expression(cast("x[i]", x, compute), cast("y[i]", y, compute), compute);
        return spec(op.name().toLowerCase() + "_" + tag(x) + "_" + tag(y) + "_" + tag(out),
                declare(out, "out") + ", " + declare(x, "x") + ", " + declare(y, "y"),
                store(out, expression), powPreamble(op, compute));
    }

    /** {@code out[i] = x[i] op s}, or {@code s op x[i]} when {@code scalarFirst}; {@code s} has the compute type. */
    public static ElementwiseSpec binaryScalar(BinaryOp op, DType x, DType compute, boolean scalarFirst) {
        DType out = op.resultType(compute);
        String xs = cast("x[i]", x, compute);
        String expression = scalarFirst ? op.expression("s", xs, compute) : op.expression(xs, "s", compute);
        return spec(op.name().toLowerCase() + (scalarFirst ? "_scalar_" + tag(x) : "_" + tag(x) + "_scalar") + "_"
                        + tag(out),
                declare(out, "out") + ", " + declare(x, "x") + ", " + compute.cName() + " s",
                store(out, expression), powPreamble(op, compute));
    }

    /** {@code out[i] = f(x[i])}. */
    public static ElementwiseSpec unary(UnaryOp op, DType x) {
        DType out = op.resultType(x);
        String expression = op.expression(cast("x[i]", x, out), out);
        return spec(op.name().toLowerCase() + "_" + tag(x) + "_" + tag(out),
                declare(out, "out") + ", " + declare(x, "x"), store(out, expression), "");
    }

    /** {@code out[i] = (T) x[i]}; to bool, nonzero becomes 1. */
    public static ElementwiseSpec astype(DType x, DType out) {
        return spec("astype_" + tag(x) + "_" + tag(out), declare(out, "out") + ", " + declare(x, "x"),
                store(out, "x[i]"), "");
    }

    /** {@code out[i] = v}, with {@code v} of the array's type. */
    public static ElementwiseSpec fill(DType out) {
        return spec("fill_" + tag(out), declare(out, "out") + ", " + out.cName() + " v", "out[i] = v", "");
    }

    /** {@code out[i] = start + i * step}, computed in the output type (no float64 needed for float32). */
    public static ElementwiseSpec arange(DType out) {
        if (out.isInteger()) {
            return spec("arange_" + tag(out), declare(out, "out") + ", long start, long step",
                    "out[i] = (" + out.cName() + ") (start + i * step)", "");
        }
        String t = out.cName();
        return spec("arange_" + tag(out), declare(out, "out") + ", " + t + " start, " + t + " step",
                "out[i] = start + (" + t + ") i * step", "");
    }

    /** NumPy's {@code sum} dtype: bool and integers sum in int64, floats in their own type. */
    public static DType sumType(DType x) {
        return x.isFloatingPoint() ? x : DType.INT64;
    }

    /** Sum of {@code x}, in {@link #sumType}. */
    public static ReductionSpec sum(DType x) {
        DType acc = sumType(x);
        return new ReductionSpec("sum_" + tag(x), acc.scalarType(), "0", "a + b", cast("x[i]", x, acc),
                ArgumentList.parse(declare(x, "x")), "");
    }

    /** Sum of {@code x[i] * y[i]} in {@code type}, the promoted type of the operands. */
    public static ReductionSpec dot(DType x, DType y, DType type) {
        return new ReductionSpec("dot_" + tag(x) + "_" + tag(y), type.scalarType(), "0", "a + b",
                cast("x[i]", x, type) + " * " + cast("y[i]", y, type),
                ArgumentList.parse(declare(x, "x") + ", " + declare(y, "y")), "");
    }

    /** Maximum (or minimum) of {@code x}; a NaN anywhere gives NaN, as in NumPy. */
    public static ReductionSpec extremum(DType x, boolean maximum) {
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
    }

    private static ElementwiseSpec spec(String name, String arguments, String operation, String preamble) {
        return new ElementwiseSpec(name, ArgumentList.parse(arguments), operation, preamble, "", "");
    }

    private static String declare(DType type, String name) {
        return type.cName() + " *" + name;
    }

    private static String cast(String value, DType from, DType to) {
        return from == to ? value : "((" + to.cName() + ") " + value + ")";
    }

    private static String store(DType out, String expression) {
        return out == DType.BOOL ? "out[i] = (" + expression + ") != 0" : "out[i] = (" + out.cName() + ") (" + expression + ")";
    }

    private static String tag(DType type) {
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
