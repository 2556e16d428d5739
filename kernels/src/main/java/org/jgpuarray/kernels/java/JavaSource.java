package org.jgpuarray.kernels.java;

/**
 * Generated Java source of one kernel class.
 *
 * @param className the fully qualified name of the public class the source declares
 * @param source    compilable Java source (Java 8 syntax, so Janino can compile it)
 */
public record JavaSource(String className, String source) {
}
