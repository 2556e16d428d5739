package org.jgpuarray.kernels.java;

import java.util.List;

/**
 * The signature of a preamble helper function.
 *
 * @param cName      the C name
 * @param javaName   the name of the private static Java method
 * @param returnType the return type
 * @param parameters the parameters in order
 */
record FunctionSig(String cName, String javaName, CType returnType, List<Parameter> parameters) {
    /**
     * One parameter.
     *
     * @param type  the value type, or the element type of an array
     * @param array true for an array (pointer) parameter
     */
    record Parameter(CType type, boolean array) {
    }
}
