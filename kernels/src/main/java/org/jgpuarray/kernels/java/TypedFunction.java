package org.jgpuarray.kernels.java;

import java.util.List;

/**
 * A typed preamble function, ready to emit as a private static method.
 *
 * @param signature  its signature
 * @param parameters its parameter symbols in order
 * @param body       its typed body
 * @param fallsOff   true when a non-void body can reach its end without returning (undefined in C; the Java
 *                   method throws there)
 */
record TypedFunction(FunctionSig signature, List<Symbol> parameters, List<TStmt> body, boolean fallsOff) {
}
