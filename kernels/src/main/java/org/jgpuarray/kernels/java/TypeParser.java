package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads type names: {@code float}, {@code const double}, {@code long int}, {@code int64_t}, ...
 * Qualifiers are dropped; {@code unsigned}, {@code char}, {@code short}, {@code long long}, vector types
 * and {@code long double} are errors naming the construct.
 */
final class TypeParser {
    private static final Set<String> INTEGER_WORDS = Set.of("long", "int", "signed");
    /** Why {@code long long} is refused: OpenCL C reserves it, and PoCL's Clang makes it 128 bits wide. */
    static final String LONG_LONG = "OpenCL C reserves it (PoCL makes it 128 bits); use long or int64_t, 64 bits everywhere";

    private TypeParser() {
    }

    /** Reads a type at the stream's position; the caller has checked {@link Keywords#startsType}. */
    static TypeSpec parse(TokenStream in) {
        Token first = in.peek();
        boolean constant = false;
        List<Token> words = new ArrayList<>();
        while (in.peek().isIdentifier()) {
            Token t = in.peek();
            String w = t.text();
            if (Keywords.TYPE_QUALIFIERS.contains(w)) {
                constant |= w.equals("const");
            } else if (words.isEmpty() || continuesIntegerType(words, w)) {
                rejectUnsupported(t);
                if (!Keywords.TYPE_WORDS.contains(w)) {
                    break;
                }
                words.add(t);
            } else {
                break;
            }
            in.next();
        }
        if (words.isEmpty()) {
            throw in.expected("a type name");
        }
        return new TypeSpec(first, typeOf(words), constant);
    }

    /** True when {@code word} can extend integer type words such as {@code long} to {@code long long int}. */
    private static boolean continuesIntegerType(List<Token> words, String word) {
        boolean integerSoFar = words.stream().allMatch(t -> INTEGER_WORDS.contains(t.text()));
        return integerSoFar && (INTEGER_WORDS.contains(word) || word.equals("double") || word.equals("unsigned")
                || word.equals("short") || word.equals("char"));
    }

    private static void rejectUnsupported(Token t) {
        String w = t.text();
        if (Keywords.UNSUPPORTED_TYPES.containsKey(w)) {
            throw Diagnostics.unsupported(t, Keywords.UNSUPPORTED_TYPES.get(w));
        }
        if (Keywords.isVectorType(w)) {
            throw Diagnostics.unsupported(t, "vector type " + w);
        }
    }

    private static CType typeOf(List<Token> words) {
        int longs = 0;
        int ints = 0;
        int signeds = 0;
        Token other = null;
        for (Token w : words) {
            switch (w.text()) {
                case "long" -> longs++;
                case "int" -> ints++;
                case "signed" -> signeds++;
                default -> {
                    if (other != null) {
                        throw Diagnostics.syntax(w, "invalid combination of type words");
                    }
                    other = w;
                }
            }
        }
        if (other != null) {
            if (other.is("double") && longs > 0) {
                throw Diagnostics.unsupported(other, "long double");
            }
            if (longs + ints + signeds > 0) {
                throw Diagnostics.syntax(other, "invalid combination of type words");
            }
            return named(other);
        }
        if (longs > 2 || ints > 1 || signeds > 1) {
            throw Diagnostics.syntax(words.get(0), "invalid combination of type words");
        }
        if (longs == 2) {
            throw Diagnostics.unsupported(words.get(0), "long long", LONG_LONG);
        }
        return longs > 0 ? CType.LONG : CType.INT;
    }

    private static CType named(Token word) {
        return switch (word.text()) {
            case "float" -> CType.FLOAT;
            case "double" -> CType.DOUBLE;
            case "bool", "_Bool" -> CType.BOOL;
            case "int32_t" -> CType.INT;
            case "int64_t", "ptrdiff_t", "size_t" -> CType.LONG;
            case "void" -> CType.VOID;
            default -> throw Diagnostics.syntax(word, "unknown type '" + word.text() + "'");
        };
    }
}
