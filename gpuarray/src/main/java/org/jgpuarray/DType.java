package org.jgpuarray;

import java.util.Locale;
import org.jgpuarray.kernels.ScalarType;

/**
 * Element types of {@link GPUArray}s, with NumPy's names, sizes and promotion rules.
 *
 * <p>BOOL holds 0 or 1 in one byte (comparisons return it). COMPLEX64 and COMPLEX128 are interleaved
 * (real, imaginary) pairs used by FFTs; elementwise arithmetic does not accept them.
 */
public enum DType {
    BOOL(ScalarType.BOOL),
    INT32(ScalarType.INT32),
    INT64(ScalarType.INT64),
    FLOAT32(ScalarType.FLOAT32),
    FLOAT64(ScalarType.FLOAT64),
    COMPLEX64(ScalarType.COMPLEX64),
    COMPLEX128(ScalarType.COMPLEX128);

    private final ScalarType scalarType;

    DType(ScalarType scalarType) {
        this.scalarType = scalarType;
    }

    /** The kernel-level type (the same constant in the kernels module). */
    ScalarType scalarType() {
        return scalarType;
    }

    /** Bytes per element. */
    public int itemSize() {
        return scalarType.byteSize();
    }

    /** The C type name in kernel snippets, e.g. {@code "float"}. */
    public String cName() {
        return scalarType.snippetName();
    }

    /** NumPy's name: {@code float32}, {@code int64}, {@code bool}, ... */
    public String numpyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for FLOAT32 and FLOAT64. */
    public boolean isFloatingPoint() {
        return scalarType.isFloatingPoint();
    }

    /** True for INT32 and INT64. */
    public boolean isInteger() {
        return scalarType.isInteger();
    }

    /** True for COMPLEX64 and COMPLEX128. */
    public boolean isComplex() {
        return scalarType.isComplex();
    }

    /**
     * The dtype of a NumPy name or C name ({@code "float32"}, {@code "float"}, {@code "int"}, ...).
     *
     * @throws IllegalArgumentException naming the unknown type and the known ones
     */
    public static DType of(String name) {
        java.util.Objects.requireNonNull(name, "dtype name");
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DType t : values()) {
            if (t.numpyName().equals(n)) {
                return t;
            }
        }
        return ScalarType.fromSnippetName(n).map(DType::of).orElseThrow(() -> new IllegalArgumentException(
                "unknown dtype '" + name + "'; known: bool, int32, int64, float32, float64, complex64, complex128"));
    }

    /** The dtype of a kernel-level type. */
    static DType of(ScalarType type) {
        return BY_SCALAR_TYPE[type.ordinal()]; // on the hot path of every kernel call: no lookup by name
    }

    private static final DType[] BY_SCALAR_TYPE = byScalarType();

    private static DType[] byScalarType() {
        DType[] table = new DType[ScalarType.values().length];
        for (DType t : values()) {
            table[t.scalarType.ordinal()] = t;
        }
        return table;
    }

    /**
     * NumPy's result type of an operation on two arrays: bool &lt; int32 &lt; int64 &lt; float32 &lt; float64,
     * except that an int32 or int64 with a float32 gives float64.
     */
    public static DType promote(DType a, DType b) {
        java.util.Objects.requireNonNull(a, "a");
        java.util.Objects.requireNonNull(b, "b");
        requireReal(a);
        requireReal(b);
        if (a == b) {
            return a;
        }
        if ((a.isInteger() && b == FLOAT32) || (b.isInteger() && a == FLOAT32)) {
            return FLOAT64;
        }
        return a.ordinal() > b.ordinal() ? a : b;
    }

    /**
     * NumPy's (NEP 50) result type of an array combined with a Java integer: the array's dtype, except
     * that a bool array gives int64.
     */
    public DType withIntegerScalar() {
        requireReal(this);
        return this == BOOL ? INT64 : this;
    }

    /**
     * NumPy's (NEP 50) result type of an array combined with a Java floating-point scalar: float arrays
     * keep their dtype, bool and integer arrays give float64.
     */
    public DType withFloatScalar() {
        requireReal(this);
        return isFloatingPoint() ? this : FLOAT64;
    }

    /** The floating-point dtype that math functions and true division produce from this dtype. */
    public DType toFloating() {
        requireReal(this);
        return isFloatingPoint() ? this : FLOAT64;
    }

    static void requireReal(DType t) {
        if (t.isComplex()) {
            throw new UnsupportedOperationException(
                    "elementwise arithmetic on " + t.numpyName() + " arrays is not supported; complex arrays serve FFTs");
        }
    }
}
