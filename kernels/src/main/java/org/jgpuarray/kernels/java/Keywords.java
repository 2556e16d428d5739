package org.jgpuarray.kernels.java;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The words of the snippet language that are not plain identifiers, grouped by how the parser treats them. */
final class Keywords {
    /** Words that make up supported type names. */
    static final Set<String> TYPE_WORDS = Set.of(
            "float", "double", "int", "long", "bool", "_Bool", "signed", "void", "int32_t", "int64_t",
            "ptrdiff_t", "size_t");

    /** Qualifiers accepted in types and dropped. */
    static final Set<String> TYPE_QUALIFIERS = Set.of(
            "const", "volatile", "register", "restrict", "__restrict__", "__restrict");

    /** Qualifiers of helper functions accepted and dropped. */
    static final Set<String> FUNCTION_QUALIFIERS = Set.of(
            "__device__", "__host__", "static", "inline", "__inline__", "__forceinline__", "__noinline__");

    /** Type words that name types outside the subset, with the construct an error names. */
    static final Map<String, String> UNSUPPORTED_TYPES = Map.ofEntries(
            Map.entry("unsigned", "unsigned"), Map.entry("uint", "unsigned"), Map.entry("uchar", "unsigned"),
            Map.entry("ushort", "unsigned"), Map.entry("ulong", "unsigned"), Map.entry("uint8_t", "unsigned"),
            Map.entry("uint16_t", "unsigned"), Map.entry("uint32_t", "unsigned"), Map.entry("uint64_t", "unsigned"),
            Map.entry("char", "char"), Map.entry("short", "short"), Map.entry("half", "half"),
            Map.entry("__half", "half"), Map.entry("int8_t", "int8_t"), Map.entry("int16_t", "int16_t"),
            Map.entry("auto", "auto"));

    /** Keywords of constructs outside the subset, wherever they appear. */
    static final Set<String> UNSUPPORTED_CONSTRUCTS = Set.of(
            "goto", "struct", "union", "enum", "typedef", "template", "class", "typename", "new", "delete",
            "namespace", "using", "operator", "asm", "__asm__", "extern", "this", "throw", "try", "catch",
            "virtual", "friend", "constexpr", "static_assert", "_Static_assert");

    /** Statement keywords, which cannot start an expression. */
    static final Set<String> STATEMENT_WORDS = Set.of(
            "if", "else", "for", "while", "do", "switch", "case", "default", "break", "continue", "return", "sizeof");

    /** CUDA and OpenCL builtins that have no meaning on the CPU backend. */
    static final Set<String> GPU_BUILTINS = Set.of(
            "threadIdx", "blockIdx", "blockDim", "gridDim", "warpSize", "__syncthreads", "__syncwarp",
            "__threadfence", "__threadfence_block", "__shfl_sync", "__shfl_up_sync", "__shfl_down_sync",
            "__shfl_xor_sync", "__ballot_sync", "__any_sync", "__all_sync", "__activemask", "__ldg",
            "atomicAdd", "atomicSub", "atomicExch", "atomicMin", "atomicMax", "atomicInc", "atomicDec",
            "atomicCAS", "atomicAnd", "atomicOr", "atomicXor", "__shared__", "__constant__", "__global__",
            "__restrict_arr", "clock", "clock64", "get_global_id", "get_local_id", "get_group_id",
            "get_global_size", "get_local_size", "get_num_groups", "get_work_dim", "get_global_offset",
            "barrier", "mem_fence", "read_mem_fence", "write_mem_fence", "work_group_barrier",
            "atomic_add", "atomic_sub", "atomic_xchg", "atomic_inc", "atomic_dec", "atomic_cmpxchg",
            "atomic_min", "atomic_max", "atomic_and", "atomic_or", "atomic_xor", "atom_add",
            "__local", "__global", "__constant", "__private", "__kernel", "CLK_LOCAL_MEM_FENCE",
            "CLK_GLOBAL_MEM_FENCE", "printf");

    /** OpenCL/CUDA vector types such as {@code float4}. */
    private static final Pattern VECTOR_TYPE = Pattern.compile(
            "(float|double|int|uint|long|ulong|char|uchar|short|ushort|half|longlong|ulonglong)(1|2|3|4|8|16)");

    private Keywords() {
    }

    /** True when {@code t} can start a type name. */
    static boolean startsType(Token t) {
        return t.isIdentifier() && (TYPE_WORDS.contains(t.text()) || TYPE_QUALIFIERS.contains(t.text())
                || UNSUPPORTED_TYPES.containsKey(t.text()) || isVectorType(t.text()));
    }

    /** True for vector type names such as {@code float4}, which the subset does not have. */
    static boolean isVectorType(String word) {
        return VECTOR_TYPE.matcher(word).matches();
    }

    /** True for words that can never be variable or function names in a snippet. */
    static boolean isReserved(String word) {
        return TYPE_WORDS.contains(word) || TYPE_QUALIFIERS.contains(word) || FUNCTION_QUALIFIERS.contains(word)
                || UNSUPPORTED_TYPES.containsKey(word) || UNSUPPORTED_CONSTRUCTS.contains(word)
                || STATEMENT_WORDS.contains(word) || word.equals("true") || word.equals("false");
    }
}
