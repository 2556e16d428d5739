package org.jgpuarray.kernels.java;

/** The Java primitive type of an emitted expression. */
enum JavaKind {
    BOOLEAN("boolean"), BYTE("byte"), INT("int"), LONG("long"), FLOAT("float"), DOUBLE("double"), VOID("void");

    private final String javaName;

    JavaKind(String javaName) {
        this.javaName = javaName;
    }

    String javaName() {
        return javaName;
    }

    /** The kind of variables, parameters and results of a C type (bool is a Java boolean). */
    static JavaKind of(CType type) {
        return switch (type) {
            case BOOL -> BOOLEAN;
            case INT -> INT;
            case LONG -> LONG;
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
            case VOID -> VOID;
        };
    }

    /** The kind of array elements of a C type (bool elements are bytes holding 0 or 1). */
    static JavaKind element(CType type) {
        return type == CType.BOOL ? BYTE : of(type);
    }
}
