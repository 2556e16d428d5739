package org.jgpuarray.kernels;

import java.util.Locale;
import java.util.Optional;

/**
 * The element types that kernels can read and write, with their names in each source dialect.
 *
 * <p>{@code BOOL} is stored as one byte holding 0 or 1 ({@code bool} on CUDA, {@code uchar}
 * on OpenCL, {@code byte} in Java). The complex types are interleaved (real, imaginary) pairs of their
 * component type; they are storage types for FFT and cannot appear in kernel snippets.
 */
public enum ScalarType {
    BOOL("bool", 1, "bool", "uchar", "byte"),
    INT32("int", 4, "int", "int", "int"),
    INT64("long", 8, "long long", "long", "long"),
    FLOAT32("float", 4, "float", "float", "float"),
    FLOAT64("double", 8, "double", "double", "double"),
    COMPLEX64("complex64", 8, "float2", "float2", "float"),
    COMPLEX128("complex128", 16, "double2", "double2", "double");

    private final String snippetName;
    private final int byteSize;
    private final String cudaName;
    private final String openClName;
    private final String javaName;

    ScalarType(String snippetName, int byteSize, String cudaName, String openClName, String javaName) {
        this.snippetName = snippetName;
        this.byteSize = byteSize;
        this.cudaName = cudaName;
        this.openClName = openClName;
        this.javaName = javaName;
    }

    /** The name of this type in kernel snippets and argument lists, e.g. {@code "float"}. */
    public String snippetName() {
        return snippetName;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The type's name in the given dialect. For complex types, the Java name is the component type. */
    public String nameIn(Dialect dialect) {
        return switch (dialect) {
            case CUDA -> cudaName;
            case OPENCL -> openClName;
            case JAVA -> javaName;
        };
    }

    /** True for the floating-point types FLOAT32 and FLOAT64. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** True for INT32 and INT64. */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** True for COMPLEX64 and COMPLEX128. */
    public boolean isComplex() {
        return this == COMPLEX64 || this == COMPLEX128;
    }

    /** True for the types that snippets can use: BOOL, INT32, INT64, FLOAT32, FLOAT64. */
    public boolean isSnippetType() {
        return !isComplex();
    }

    /**
     * The type named by a snippet type name. Accepts the C spellings users write in PyCUDA-style
     * argument lists: {@code float}, {@code double}, {@code int}, {@code int32_t}, {@code long},
     * {@code long long}, {@code int64_t}, {@code ptrdiff_t}, {@code bool}.
     *
     * @param cName the type name, whitespace-normalized
     * @return the type, or empty when the name is not one of ours
     */
    public static Optional<ScalarType> fromSnippetName(String cName) {
        String normalized = cName.trim().replaceAll("\\s+", " ");
        return Optional.ofNullable(switch (normalized) {
            case "float" -> FLOAT32;
            case "double" -> FLOAT64;
            case "int", "int32_t", "signed int", "signed" -> INT32;
            case "long", "long long", "long int", "long long int", "int64_t", "ptrdiff_t" -> INT64;
            case "bool" -> BOOL;
            default -> null;
        });
    }

    /** Lower-case NumPy-style name: {@code float32}, {@code int64}, {@code bool}, ... */
    public String numpyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
