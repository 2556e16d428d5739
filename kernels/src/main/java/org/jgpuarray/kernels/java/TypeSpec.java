package org.jgpuarray.kernels.java;

/**
 * A type as written in a declaration, cast or parameter, e.g. {@code const long long}.
 *
 * @param at       its first token
 * @param type     the type it names
 * @param constant true when {@code const} was written (it has no effect on the translation)
 */
record TypeSpec(Token at, CType type, boolean constant) {
}
