package org.jgpuarray.kernels.java;

import org.jgpuarray.kernels.ScalarType;

/**
 * The value types of the snippet language, in conversion rank order (bool, then int &lt; long &lt; float
 * &lt; double), with their Java representation: {@code bool} values are Java {@code boolean}s in
 * variables, and {@code byte}s holding 0 or 1 in arrays.
 */
enum CType {
    BOOL("bool", "boolean", "Byte", "byte"),
    INT("int", "int", "Integer", "int"),
    LONG("long", "long", "Long", "long"),
    FLOAT("float", "float", "Float", "float"),
    DOUBLE("double", "double", "Double", "double"),
    VOID("void", "void", null, null);

    private final String cName;
    private final String javaName;
    private final String boxName;
    private final String elementName;

    CType(String cName, String javaName, String boxName, String elementName) {
        this.cName = cName;
        this.javaName = javaName;
        this.boxName = boxName;
        this.elementName = elementName;
    }

    /** The C spelling, for messages. */
    String cName() {
        return cName;
    }

    /** The Java type of variables, parameters and return values of this type. */
    String javaName() {
        return javaName;
    }

    /** The Java wrapper class that boxes scalar arguments of this type. */
    String boxName() {
        return boxName;
    }

    /** The Java element type of arrays of this type ({@code byte} for bool). */
    String elementName() {
        return elementName;
    }

    boolean isInteger() {
        return this == INT || this == LONG;
    }

    boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    /** Bool and integers: usable with {@code % & | ^ << >> ~} and as subscripts. */
    boolean isIntegral() {
        return this == BOOL || isInteger();
    }

    /** C's integer promotion: bool becomes int. */
    CType promoted() {
        return this == BOOL ? INT : this;
    }

    /** The usual arithmetic conversions of C: the common type of two operands. */
    static CType common(CType a, CType b) {
        CType pa = a.promoted();
        CType pb = b.promoted();
        return pa.ordinal() >= pb.ordinal() ? pa : pb;
    }

    /** The type of kernel arguments and reduction values of {@code type}. */
    static CType of(ScalarType type) {
        return switch (type) {
            case BOOL -> BOOL;
            case INT32 -> INT;
            case INT64 -> LONG;
            case FLOAT32 -> FLOAT;
            case FLOAT64 -> DOUBLE;
            default -> throw new IllegalArgumentException(type + " cannot appear in kernel snippets");
        };
    }
}
