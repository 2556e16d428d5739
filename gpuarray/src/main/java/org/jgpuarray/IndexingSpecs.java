package org.jgpuarray;

import static org.jgpuarray.BuiltinSpecs.at;
import static org.jgpuarray.BuiltinSpecs.cast;
import static org.jgpuarray.BuiltinSpecs.declare;
import static org.jgpuarray.BuiltinSpecs.memo;
import static org.jgpuarray.BuiltinSpecs.spec;
import static org.jgpuarray.BuiltinSpecs.store;
import static org.jgpuarray.BuiltinSpecs.tag;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * The kernel specs behind selection ({@code where}, {@code if_positive}, {@code clip}), gathers and
 * scatters along an axis ({@code take}, {@code put}) and boolean masks (compaction, masked writes,
 * {@code nonzero}): ordinary elementwise and reduction specs in the snippet language, so they run on every
 * backend. Arrays are addressed through an index space of {@code ndim} dimensions ({@code 0}: flat, by
 * {@code i}). Pure functions, memoized like {@link BuiltinSpecs}.
 */
final class IndexingSpecs {
    private IndexingSpecs() {
    }

    /**
     * An operand of a selection: an array of {@code type}, a scalar of the result type ({@code type} null),
     * or absent (a missing clip bound).
     */
    record Operand(DType type, boolean present) {
        static final Operand SCALAR = new Operand(null, true);
        static final Operand NONE = new Operand(null, false);

        static Operand array(DType type) {
            return new Operand(type, true);
        }

        boolean isArray() {
            return type != null;
        }

        String tagged() {
            return !present ? "none" : type == null ? "scalar" : tag(type);
        }
    }

    /**
     * {@code out = cond ? a : b} elementwise, the condition being {@code cond != 0} (NumPy's {@code where})
     * or {@code cond > 0} when {@code positive} (PyCUDA's {@code if_positive}). Arguments: out, cond, then a
     * and b, each an array or a scalar of the result type.
     */
    static ElementwiseSpec select(boolean positive, DType cond, Operand a, Operand b, DType out, int ndim) {
        return memo(() -> {
            String test = at("cond", ndim) + (positive ? " > 0" : " != 0");
            String expression = "(" + test + ") ? " + value("a", a, out, ndim) + " : " + value("b", b, out, ndim);
            List<String> arrays = arrays("out", "cond");
            addIfArray(arrays, "a", a);
            addIfArray(arrays, "b", b);
            String name = (positive ? "if_positive_" : "where_") + tag(cond) + "_" + a.tagged() + "_" + b.tagged()
                    + "_" + tag(out);
            String arguments = declare(out, "out") + ", " + declare(cond, "cond") + ", " + parameter("a", a, out)
                    + ", " + parameter("b", b, out);
            return spec(name, arguments, store(out, expression, ndim), "", ndim, arrays.toArray(new String[0]));
        }, "select", positive, cond, a, b, out, ndim);
    }

    /**
     * {@code out = minimum(maximum(x, lo), hi)} with NaN propagating as NumPy's {@code clip}; either bound may
     * be absent. Arguments: out, x, then lo and hi where present.
     */
    static ElementwiseSpec clip(DType x, Operand lo, Operand hi, DType out, int ndim) {
        return memo(() -> {
            String t = out.cName();
            StringBuilder op = new StringBuilder(t + " v = " + cast(at("x", ndim), x, out) + ";\n");
            if (lo.present()) {
                op.append(t).append(" l = ").append(value("lo", lo, out, ndim)).append(";\n")
                        .append("v = ").append(BinaryOp.MAXIMUM.expression("v", "l", out)).append(";\n");
            }
            if (hi.present()) {
                op.append(t).append(" h = ").append(value("hi", hi, out, ndim)).append(";\n")
                        .append("v = ").append(BinaryOp.MINIMUM.expression("v", "h", out)).append(";\n");
            }
            op.append(at("out", ndim)).append(" = v");
            List<String> arrays = arrays("out", "x");
            addIfArray(arrays, "lo", lo);
            addIfArray(arrays, "hi", hi);
            StringBuilder arguments = new StringBuilder(declare(out, "out") + ", " + declare(x, "x"));
            if (lo.present()) {
                arguments.append(", ").append(parameter("lo", lo, out));
            }
            if (hi.present()) {
                arguments.append(", ").append(parameter("hi", hi, out));
            }
            return spec("clip_" + tag(x) + "_" + lo.tagged() + "_" + hi.tagged() + "_" + tag(out),
                    arguments.toString(), op.toString(), "", ndim, arrays.toArray(new String[0]));
        }, "clip", x, lo, hi, out, ndim);
    }

    /**
     * The gather of {@code take}: {@code out = src[position of src + wrap(idx) * step]}, where src is
     * addressed as if its indexed axis were broadcast (stride 0) and {@code wrap} adds {@code len} to a
     * negative index. Arguments: out, src, idx, len, step. The indices must have been checked.
     */
    static ElementwiseSpec take(DType type, DType index, int ndim) {
        return memo(() -> spec("take_" + tag(type) + "_" + tag(index),
                declare(type, "out") + ", " + declare(type, "src") + ", " + declare(index, "idx")
                        + ", long len, long step",
                wrapped(index, ndim) + at("out", ndim) + " = src[" + position("src", ndim) + " + k * step]", "",
                ndim, "out", "src", "idx"), "take", type, index, ndim);
    }

    /**
     * The scatter of {@code put} along an axis: {@code dst[position of dst + wrap(idx) * step] = vals},
     * converted. Arguments: dst, idx, vals, len, step. The indices must have been checked.
     */
    static ElementwiseSpec put(DType type, DType index, DType values, int ndim) {
        return memo(() -> spec("put_" + tag(type) + "_" + tag(index) + "_" + tag(values),
                declare(type, "dst") + ", " + declare(index, "idx") + ", " + declare(values, "vals")
                        + ", long len, long step",
                wrapped(index, ndim) + "dst[" + position("dst", ndim) + " + k * step] = "
                        + convert(at("vals", ndim), values, type), "",
                ndim, "dst", "idx", "vals"), "put", type, index, values, ndim);
    }

    /**
     * The first position (in C order) of an index outside {@code [-len, len)}, or {@code LLONG_MAX} when all
     * are inside. Arguments: idx, len.
     */
    static ReductionSpec firstBadIndex(DType index) {
        return memo(() -> new ReductionSpec("first_bad_index_" + tag(index), DType.INT64.scalarType(), "LLONG_MAX",
                "(a < b) ? a : b", "(idx[i] < -len || idx[i] >= len) ? (long) i : LLONG_MAX",
                ArgumentList.parse(declare(index, "idx") + ", long len"), ""), "firstBadIndex", index);
    }

    /** {@code out = x != 0 ? 1 : 0} into int64 flags (a scan's input). Arguments: out, x. */
    static ElementwiseSpec flags(DType x, int ndim) {
        return memo(() -> spec("nonzero_flags_" + tag(x), declare(DType.INT64, "out") + ", " + declare(x, "x"),
                at("out", ndim) + " = (" + at("x", ndim) + " != 0) ? 1 : 0", "", ndim, "out", "x"), "flags", x, ndim);
    }

    /** The number of nonzero elements, in int64. Argument: x. */
    static ReductionSpec countNonzero(DType x) {
        return memo(() -> new ReductionSpec("count_nonzero_" + tag(x), DType.INT64.scalarType(), "0", "a + b",
                "(x[i] != 0) ? 1 : 0", ArgumentList.parse(declare(x, "x")), ""), "countNonzero", x);
    }

    /**
     * Compaction by a mask (PyOpenCL's {@code copy_if}): where the mask is set, the source element goes to
     * block {@code pos - 1} of {@code inner} elements of out, {@code pos} being the inclusive scan of the mask.
     * Arguments: out, src, mask, pos, inner; src, mask and pos are addressed over the source's shape.
     */
    static ElementwiseSpec compress(DType type, int ndim) {
        return memo(() -> spec("mask_compress_" + tag(type),
                declare(type, "out") + ", " + declare(type, "src") + ", " + declare(DType.BOOL, "mask") + ", "
                        + declare(DType.INT64, "pos") + ", long inner",
                "if (" + at("mask", ndim) + ") {\n    out[(" + at("pos", ndim) + " - 1) * inner + i % inner] = "
                        + at("src", ndim) + ";\n}", "", ndim, "src", "mask", "pos"), "compress", type, ndim);
    }

    /** {@code dst = v} where the mask is set. Arguments: dst, mask, v. */
    static ElementwiseSpec maskFill(DType type, int ndim) {
        return memo(() -> spec("mask_fill_" + tag(type),
                declare(type, "dst") + ", " + declare(DType.BOOL, "mask") + ", " + type.cName() + " v",
                "if (" + at("mask", ndim) + ") {\n    " + at("dst", ndim) + " = v;\n}", "", ndim, "dst", "mask"),
                "maskFill", type, ndim);
    }

    /**
     * The inverse of {@link #compress}: where the mask is set, {@code dst} takes element
     * {@code (pos - 1) * inner + i % inner} of the contiguous values, converted. Arguments: dst, mask, pos,
     * vals, inner.
     */
    static ElementwiseSpec maskPut(DType type, DType values, int ndim) {
        return memo(() -> spec("mask_put_" + tag(type) + "_" + tag(values),
                declare(type, "dst") + ", " + declare(DType.BOOL, "mask") + ", " + declare(DType.INT64, "pos") + ", "
                        + declare(values, "vals") + ", long inner",
                "if (" + at("mask", ndim) + ") {\n    " + at("dst", ndim) + " = "
                        + convert("vals[(" + at("pos", ndim) + " - 1) * inner + i % inner]", values, type) + ";\n}",
                "", ndim, "dst", "mask", "pos"), "maskPut", type, values, ndim);
    }

    /**
     * The coordinates of the nonzero elements: row {@code d} of the {@code (ndim, count)} int64 array coords
     * takes coordinate {@code d} of each, at the place the inclusive scan {@code pos} (contiguous, in C order)
     * gives it. Arguments: x, pos, coords, dims (the extents), ndim, count.
     */
    static ElementwiseSpec nonzero(DType x, int ndim) {
        return memo(() -> spec("nonzero_" + tag(x),
                declare(x, "x") + ", " + declare(DType.INT64, "pos") + ", " + declare(DType.INT64, "coords") + ", "
                        + declare(DType.INT64, "dims") + ", long ndim, long count",
                "if (" + at("x", ndim) + " != 0) {\n"
                        + "    long p = pos[i] - 1;\n"
                        + "    long rest = i;\n"
                        + "    for (long d = ndim - 1; d >= 0; d--) {\n"
                        + "        coords[d * count + p] = rest % dims[d];\n"
                        + "        rest /= dims[d];\n"
                        + "    }\n"
                        + "}", "", ndim, "x"), "nonzero", x, ndim);
    }

    /** {@code long k = idx; if (k < 0) k += len;} as statements. */
    private static String wrapped(DType index, int ndim) {
        return "long k = " + cast(at("idx", ndim), index, DType.INT64) + ";\nif (k < 0) {\n    k += len;\n}\n";
    }

    /** The buffer position of an array's current element: {@code i} when flat. */
    private static String position(String array, int ndim) {
        return ndim == 0 ? "i" : IndexSpace.at(array);
    }

    /** {@code value} of type {@code from} as {@code to}: a C cast, or {@code != 0} to bool. */
    private static String convert(String value, DType from, DType to) {
        if (from == to) {
            return value;
        }
        return to == DType.BOOL ? "(" + value + ") != 0" : cast(value, from, to);
    }

    private static String value(String name, Operand o, DType out, int ndim) {
        return o.isArray() ? cast(at(name, ndim), o.type(), out) : name;
    }

    private static String parameter(String name, Operand o, DType out) {
        return o.isArray() ? declare(o.type(), name) : out.cName() + " " + name;
    }

    private static List<String> arrays(String... names) {
        return new ArrayList<>(List.of(names));
    }

    private static void addIfArray(List<String> arrays, String name, Operand o) {
        if (o.isArray()) {
            arrays.add(name);
        }
    }
}
