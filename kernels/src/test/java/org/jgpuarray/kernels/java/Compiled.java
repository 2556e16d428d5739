package org.jgpuarray.kernels.java;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;

/** Generates, compiles with Janino (as the CPU backend does) and instantiates kernels for the tests. */
final class Compiled {
    private Compiled() {
    }

    /** Compiles a generated source and returns a new instance of its class. */
    static <T> T instance(JavaSource source, Class<T> type) {
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(Compiled.class.getClassLoader());
            compiler.cook(source.source());
            Class<?> c = compiler.getClassLoader().loadClass(source.className());
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (CompileException | ReflectiveOperationException e) {
            throw new AssertionError("generated source does not compile: " + e.getMessage() + "\n"
                    + numbered(source.source()), e);
        }
    }

    /** An elementwise kernel with the given argument list and operation. */
    static JavaElementwiseKernel elementwise(String arguments, String operation) {
        return elementwise(arguments, operation, "");
    }

    /** An elementwise kernel with a preamble. */
    static JavaElementwiseKernel elementwise(String arguments, String operation, String preamble) {
        return elementwise(new ElementwiseSpec("k", ArgumentList.parse(arguments), operation, preamble, "", ""));
    }

    static JavaElementwiseKernel elementwise(ElementwiseSpec spec) {
        return instance(JavaSourceGenerator.elementwise(spec), JavaElementwiseKernel.class);
    }

    static JavaReductionKernel reduction(ScalarType type, String neutral, String reduce, String map, String arguments,
                                         String preamble) {
        return instance(JavaSourceGenerator.reduction(new ReductionSpec("r", type, neutral, reduce, map,
                ArgumentList.parse(arguments), preamble)), JavaReductionKernel.class);
    }

    static JavaScanKernel scan(ScalarType type, String expression, String neutral, boolean inclusive) {
        return instance(JavaSourceGenerator.scan(new ScanSpec("s", type, expression, neutral, inclusive, "")),
                JavaScanKernel.class);
    }

    /** Runs an elementwise kernel over {@code [0, n)} in three ranges, as a multi-threaded backend would split it. */
    static void run(JavaElementwiseKernel kernel, int n, Object... args) {
        int third = n / 3;
        kernel.run(args, n, 0, third);
        kernel.run(args, n, third, 2 * third);
        kernel.run(args, n, 2 * third, n);
    }

    private static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            out.append(String.format("%4d  %s%n", k + 1, lines[k]));
        }
        return out.toString();
    }
}
