package org.jgpuarray.kernels.java;

/**
 * One math library function of the snippet language and the Java method that computes it.
 *
 * @param name          the C name
 * @param shape         how argument types determine the operand and result types
 * @param arity         the number of arguments
 * @param integerMethod the Java method for integer operands ({@link Shape#MIXED} and {@link Shape#LONG}),
 *                      else {@code null}
 * @param method        the Java method for floating operands (takes doubles, or floats too when
 *                      {@code floatOverload})
 * @param floatOverload true when {@code method} has a float overload returning float; otherwise float
 *                      results are computed in double and rounded to float
 */
record MathFunction(String name, Shape shape, int arity, String integerMethod, String method,
                    boolean floatOverload) {
    /** Typing rules, following the CUDA and OpenCL C++ overloads. */
    enum Shape {
        /** {@code exp, pow, fmin, ...}: float arguments give float, double or integer arguments double. */
        GENERIC,
        /** {@code expf, powf, fminf, ...}: arguments converted to float, float result. */
        FLOAT,
        /** {@code min, max, abs}: usual arithmetic conversions; integer or floating. */
        MIXED,
        /** {@code labs, llabs}: 64-bit integer. */
        LONG,
        /** {@code isnan, isinf, isfinite, signbit}: a truth value (int in C). */
        PREDICATE
    }
}
