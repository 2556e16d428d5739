package org.jgpuarray.fuzz;

import org.jgpuarray.DType;

/** The value types of generated snippets, in C's conversion rank order. */
enum FuzzType {
    BOOL("bool", DType.BOOL, 0, 1),
    INT("int", DType.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE),
    LONG("long", DType.INT64, Long.MIN_VALUE, Long.MAX_VALUE),
    FLOAT("float", DType.FLOAT32, 0, 0),
    DOUBLE("double", DType.FLOAT64, 0, 0);

    private final String cName;
    private final DType dtype;
    private final long min;
    private final long max;

    FuzzType(String cName, DType dtype, long min, long max) {
        this.cName = cName;
        this.dtype = dtype;
        this.min = min;
        this.max = max;
    }

    String cName() {
        return cName;
    }

    DType dtype() {
        return dtype;
    }

    /** The kernels module's name of the type, for specs compiled without a context. */
    org.jgpuarray.kernels.ScalarType scalarType() {
        return switch (this) {
            case BOOL -> org.jgpuarray.kernels.ScalarType.BOOL;
            case INT -> org.jgpuarray.kernels.ScalarType.INT32;
            case LONG -> org.jgpuarray.kernels.ScalarType.INT64;
            case FLOAT -> org.jgpuarray.kernels.ScalarType.FLOAT32;
            case DOUBLE -> org.jgpuarray.kernels.ScalarType.FLOAT64;
        };
    }

    /** The smallest value of an integral type. */
    long min() {
        return min;
    }

    /** The largest value of an integral type. */
    long max() {
        return max;
    }

    boolean isIntegral() {
        return this == BOOL || this == INT || this == LONG;
    }

    boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    /** C's integer promotion. */
    FuzzType promoted() {
        return this == BOOL ? INT : this;
    }

    /** The usual arithmetic conversions. */
    static FuzzType common(FuzzType a, FuzzType b) {
        FuzzType pa = a.promoted();
        FuzzType pb = b.promoted();
        return pa.ordinal() >= pb.ordinal() ? pa : pb;
    }

    /** The number of value bits of INT (32) and LONG (64). */
    int bits() {
        return this == LONG ? 64 : 32;
    }
}
