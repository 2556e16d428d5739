package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The math functions and named constants snippets may use, with CUDA/OpenCL C++ overload semantics:
 * {@code exp(float)} is float, {@code exp(int)} is double, {@code expf} always float, {@code min} and
 * {@code max} follow the usual arithmetic conversions (on floats they behave as {@code fminf}/{@code fmaxf}:
 * a NaN argument gives the other one).
 */
final class MathLibrary {
    private static final String[][] UNARY = {
        {"exp", "Math.exp"}, {"exp2", "CMath.exp2"}, {"expm1", "Math.expm1"}, {"log", "Math.log"},
        {"log2", "CMath.log2"}, {"log10", "Math.log10"}, {"log1p", "Math.log1p"}, {"sqrt", "Math.sqrt"},
        {"rsqrt", "CMath.rsqrt"}, {"cbrt", "Math.cbrt"}, {"sin", "Math.sin"}, {"cos", "Math.cos"},
        {"tan", "Math.tan"}, {"asin", "Math.asin"}, {"acos", "Math.acos"}, {"atan", "Math.atan"},
        {"sinh", "Math.sinh"}, {"cosh", "Math.cosh"}, {"tanh", "Math.tanh"}, {"floor", "Math.floor"},
        {"ceil", "Math.ceil"}, {"round", "CMath.round"}, {"trunc", "CMath.trunc"}, {"rint", "Math.rint"},
    };
    private static final String[][] BINARY = {
        {"pow", "Math.pow"}, {"atan2", "Math.atan2"}, {"fmod", "CMath.fmod"}, {"hypot", "Math.hypot"},
    };
    private static final String[][] BINARY_WITH_FLOAT_OVERLOAD = {
        {"copysign", "Math.copySign"}, {"fmin", "CMath.fmin"}, {"fmax", "CMath.fmax"}, {"fdim", "CMath.fdim"},
    };

    private static final Map<String, MathFunction> FUNCTIONS = new HashMap<>();
    private static final Map<String, TExpr.Constant> CONSTANTS = new HashMap<>();

    static {
        for (String[] f : UNARY) {
            generic(f[0], 1, f[1], false);
        }
        generic("fabs", 1, "Math.abs", true);
        for (String[] f : BINARY) {
            generic(f[0], 2, f[1], false);
        }
        for (String[] f : BINARY_WITH_FLOAT_OVERLOAD) {
            generic(f[0], 2, f[1], true);
        }
        generic("fma", 3, "Math.fma", true);
        add(new MathFunction("min", MathFunction.Shape.MIXED, 2, "Math.min", "CMath.fmin", true));
        add(new MathFunction("max", MathFunction.Shape.MIXED, 2, "Math.max", "CMath.fmax", true));
        add(new MathFunction("abs", MathFunction.Shape.MIXED, 1, "Math.abs", "Math.abs", true));
        add(new MathFunction("labs", MathFunction.Shape.LONG, 1, "Math.abs", null, false));
        add(new MathFunction("llabs", MathFunction.Shape.LONG, 1, "Math.abs", null, false));
        for (String p : new String[] {"isnan", "isinf", "isfinite", "signbit"}) {
            add(new MathFunction(p, MathFunction.Shape.PREDICATE, 1, null, "CMath." + p, true));
        }
        constant("INFINITY", Float.POSITIVE_INFINITY, CType.FLOAT);
        constant("NAN", Float.NaN, CType.FLOAT);
        constant("M_PI", Math.PI, CType.DOUBLE);
        constant("M_E", Math.E, CType.DOUBLE);
        constant("M_PI_F", (float) Math.PI, CType.FLOAT);
        constant("FLT_MAX", Float.MAX_VALUE, CType.FLOAT);
        constant("FLT_MIN", Float.MIN_NORMAL, CType.FLOAT);
        constant("FLT_EPSILON", Math.ulp(1.0f), CType.FLOAT);
        constant("DBL_MAX", Double.MAX_VALUE, CType.DOUBLE);
        constant("DBL_MIN", Double.MIN_NORMAL, CType.DOUBLE);
        constant("DBL_EPSILON", Math.ulp(1.0), CType.DOUBLE);
        constant("INT_MAX", Integer.MAX_VALUE, CType.INT);
        constant("INT_MIN", Integer.MIN_VALUE, CType.INT);
        constant("LLONG_MAX", Long.MAX_VALUE, CType.LONG);
        constant("LLONG_MIN", Long.MIN_VALUE, CType.LONG);
    }

    private MathLibrary() {
    }

    private static void generic(String name, int arity, String method, boolean floatOverload) {
        add(new MathFunction(name, MathFunction.Shape.GENERIC, arity, null, method, floatOverload));
        add(new MathFunction(name + "f", MathFunction.Shape.FLOAT, arity, null, method, floatOverload));
    }

    private static void add(MathFunction f) {
        FUNCTIONS.put(f.name(), f);
    }

    private static void constant(String name, Object value, CType type) {
        CONSTANTS.put(name, new TExpr.Constant(value, type));
    }

    /** The named constant, or {@code null}. */
    static TExpr.Constant constant(String name) {
        return CONSTANTS.get(name);
    }

    /** True when {@code name} is a math function. */
    static boolean isFunction(String name) {
        return FUNCTIONS.containsKey(name);
    }

    /**
     * Types a call of the math function {@code name}.
     *
     * @param at   the function name token, for errors
     * @param args the typed arguments
     * @return the typed call, or {@code null} when {@code name} is not a math function
     */
    static TExpr call(Token at, List<TExpr> args) {
        MathFunction f = FUNCTIONS.get(at.text());
        if (f == null) {
            return null;
        }
        if (args.size() != f.arity()) {
            throw Diagnostics.syntax(at, "'" + f.name() + "' takes " + f.arity() + " argument"
                    + (f.arity() == 1 ? "" : "s") + ", got " + args.size());
        }
        requireUnambiguous(at, f, args);
        CType operand = operandType(f.shape(), args);
        List<TExpr> converted = new ArrayList<>();
        for (TExpr a : args) {
            converted.add(Conversions.convert(a, operand));
        }
        CType result = f.shape() == MathFunction.Shape.PREDICATE ? CType.INT : operand;
        return new TExpr.MathCall(f, operand, converted, result);
    }

    /**
     * Refuses the calls that OpenCL C and CUDA cannot resolve among their float and double overloads, so
     * that a snippet the CPU accepts compiles everywhere: no floating argument at all ({@code sqrt(2)}),
     * or float and double arguments together ({@code fmod(x, 2.0)} with a float x).
     */
    private static void requireUnambiguous(Token at, MathFunction f, List<TExpr> args) {
        if (f.shape() != MathFunction.Shape.GENERIC && f.shape() != MathFunction.Shape.PREDICATE) {
            return;
        }
        boolean anyFloat = false;
        boolean anyDouble = false;
        for (TExpr a : args) {
            anyFloat |= a.type() == CType.FLOAT;
            anyDouble |= a.type() == CType.DOUBLE;
        }
        String name = f.name();
        String orFloat = f.shape() == MathFunction.Shape.GENERIC ? ", or call " + name + "f" : "";
        if (!anyFloat && !anyDouble) {
            throw Diagnostics.unsupported(at, name + " of integer arguments", "ambiguous in OpenCL C and CUDA; "
                    + "convert an argument, as in " + name + "((double) x)" + orFloat);
        }
        if (anyFloat && anyDouble) {
            throw Diagnostics.unsupported(at, name + " of float and double arguments", "ambiguous in OpenCL C and "
                    + "CUDA; convert the float arguments to double" + orFloat);
        }
    }

    private static CType operandType(MathFunction.Shape shape, List<TExpr> args) {
        boolean anyDouble = false;
        boolean anyFloat = false;
        CType common = CType.BOOL;
        for (TExpr a : args) {
            anyDouble |= a.type() == CType.DOUBLE;
            anyFloat |= a.type() == CType.FLOAT;
            common = CType.common(common, a.type());
        }
        return switch (shape) {
            case GENERIC, PREDICATE -> anyDouble || !anyFloat ? CType.DOUBLE : CType.FLOAT;
            case FLOAT -> CType.FLOAT;
            case MIXED -> common;
            case LONG -> CType.LONG;
        };
    }
}
