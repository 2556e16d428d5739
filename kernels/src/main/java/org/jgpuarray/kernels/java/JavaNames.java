package org.jgpuarray.kernels.java;

import java.util.Set;

/**
 * Java names for C identifiers. C identifiers never contain {@code $}, so every name the generator invents
 * has one; a C identifier that is a Java keyword or a name the generated code relies on gets a {@code $}
 * appended.
 */
final class JavaNames {
    private static final Set<String> TAKEN = Set.of(
            "abstract", "assert", "boolean", "byte", "catch", "class", "const", "enum", "extends", "final",
            "finally", "goto", "implements", "import", "instanceof", "interface", "native", "new", "null",
            "package", "private", "protected", "public", "short", "super", "synchronized", "this", "throw",
            "throws", "transient", "try", "strictfp", "var", "yield", "record", "sealed", "permits", "char",
            "Math", "StrictMath", "Float", "Double", "Integer", "Long", "Byte", "Boolean", "Object", "String",
            "System", "CMath", "IllegalStateException", "java", "org", "run", "reduceRange", "scanRange",
            "reducePart", "reduceAlong", "reduceAcross", "combineInto",
            "combine", "neutral", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait",
            "clone", "finalize");

    private JavaNames() {
    }

    /** The Java spelling of a C identifier. */
    static String of(String cName) {
        return TAKEN.contains(cName) ? cName + "$" : cName;
    }
}
