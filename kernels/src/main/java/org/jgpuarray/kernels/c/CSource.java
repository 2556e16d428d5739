package org.jgpuarray.kernels.c;

import java.util.List;

/**
 * Generated CUDA C++ or OpenCL C source of one program.
 *
 * @param source      the complete program text
 * @param kernelNames the entry points it defines, in launch order
 */
public record CSource(String source, List<String> kernelNames) {
    public CSource {
        kernelNames = List.copyOf(kernelNames);
    }

    /** The source with each line prefixed by its 1-based number, for compile-error messages. */
    public String numbered() {
        return numberLines(source);
    }

    /** {@code text} with each line prefixed by its 1-based number. */
    public static String numberLines(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            out.append(String.format("%4d| %s%n", k + 1, lines[k]));
        }
        return out.toString();
    }
}
