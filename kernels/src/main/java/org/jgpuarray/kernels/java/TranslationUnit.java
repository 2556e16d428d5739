package org.jgpuarray.kernels.java;

import java.util.List;

/**
 * A parsed preamble: helper functions and {@code const} globals, in source order.
 *
 * @param functions the function definitions
 * @param constants the global constant declarations
 */
record TranslationUnit(List<FunctionDef> functions, List<Stmt.Declaration> constants) {
}
