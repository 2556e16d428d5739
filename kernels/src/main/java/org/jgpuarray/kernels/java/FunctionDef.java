package org.jgpuarray.kernels.java;

import java.util.List;

/**
 * A helper function defined in the preamble.
 *
 * @param name       the name token
 * @param returnType the return type ({@code void} allowed)
 * @param parameters the parameters
 * @param body       the body
 */
record FunctionDef(Token name, TypeSpec returnType, List<Parameter> parameters, Stmt.Block body) {
    /**
     * One parameter: {@code float x}, or an array {@code const float *x} / {@code float x[]}.
     *
     * @param name  the name token
     * @param type  the (element) type
     * @param array true for a pointer or array parameter
     */
    record Parameter(Token name, TypeSpec type, boolean array) {
    }
}
