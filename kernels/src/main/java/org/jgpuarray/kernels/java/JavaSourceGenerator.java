package org.jgpuarray.kernels.java;

import java.util.Objects;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.SnippetSyntaxException;

/**
 * Generates the Java source of CPU backend kernels by translating their C snippets (see the package
 * documentation for the supported subset). Pure functions of the spec: equal specs give equal sources
 * and class names, and every method is safe to call from several threads at once.
 *
 * <p>Each result declares one public final class in package {@code org.jgpuarray.generated}, named
 * {@code Elementwise_<name>_<hash>}, {@code Reduction_<name>_<hash>} or {@code Scan_<name>_<hash>}, where
 * the hash is taken over the whole spec. The class has a public no-argument constructor, holds no state,
 * and references only {@code java.lang}, the kernel interfaces and {@link CMath}, so it compiles with
 * Janino (or javac) against this module's class loader.
 */
public final class JavaSourceGenerator {
    private JavaSourceGenerator() {
    }

    /**
     * The source of a {@link JavaElementwiseKernel}.
     *
     * @param spec not modified
     * @return the class name and source
     * @throws SnippetSyntaxException when a snippet part has a syntax error or a construct outside the
     *                                subset; the message names the construct, the part, line and column
     */
    public static JavaSource elementwise(ElementwiseSpec spec) {
        return ElementwiseWriter.write(Objects.requireNonNull(spec, "spec"), false);
    }

    /**
     * The source of the same {@link JavaElementwiseKernel} with the operation emitted once: over strided
     * arrays only the general loop, without the tiled walk and the unit-stride loop, each of which holds
     * another copy. For operations so large that {@link #elementwise}'s method would pass the JIT's size
     * limit (HotSpot leaves methods over 8000 bytes of bytecode interpreted).
     *
     * @param spec not modified
     * @return the class name (another than {@link #elementwise}'s) and source
     * @throws SnippetSyntaxException as for {@link #elementwise}
     */
    public static JavaSource elementwiseCompact(ElementwiseSpec spec) {
        return ElementwiseWriter.write(Objects.requireNonNull(spec, "spec"), true);
    }

    /**
     * The source of a {@link JavaReductionKernel}, or of a {@link JavaSegmentedReductionKernel} for a segmented
     * spec ({@link ReductionSpec#segmented()}); values are accumulated in the spec's output type.
     *
     * @param spec not modified
     * @return the class name and source
     * @throws SnippetSyntaxException as for {@link #elementwise}; {@code neutral} may use only constants,
     *                                macros and preamble functions, {@code reduce_expr} only {@code a} and
     *                                {@code b} besides those
     */
    public static JavaSource reduction(ReductionSpec spec) {
        return Objects.requireNonNull(spec, "spec").segmented() ? SegmentedReductionWriter.write(spec)
                : ReductionWriter.write(spec);
    }

    /**
     * The source of a {@link JavaScanKernel}, inclusive or exclusive as the spec says.
     *
     * @param spec not modified
     * @return the class name and source
     * @throws SnippetSyntaxException as for {@link #reduction}
     */
    public static JavaSource scan(ScanSpec spec) {
        return ScanWriter.write(Objects.requireNonNull(spec, "spec"));
    }
}
