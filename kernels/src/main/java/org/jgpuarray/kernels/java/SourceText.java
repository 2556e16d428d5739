package org.jgpuarray.kernels.java;

/**
 * One snippet part of a spec as the user wrote it, for error positions.
 *
 * @param part the part's name in messages, e.g. {@code "operation"}
 * @param text the part's full text
 */
record SourceText(String part, String text) {
}
