package org.jgpuarray.kernels.c;

import java.util.List;
import java.util.Map;
import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * The program of a segmented reduction ({@link ReductionSpec#segmented()}): kernels
 * {@code <entry>_segments(args..., T *out, outer, inner, parts, int lanes)}, which reduces part {@code p} of
 * every output's inner positions into {@code out[o * parts + p]} (the result itself when {@code parts} is 1),
 * and {@code <entry>_partials(const T *in, T *out, outer, parts, int lanes)}, which reduces each output's
 * partials; in OpenCL also {@code <entry>_columns(args..., T *out, outer, inner, parts)}, the main
 * pass in the shape CPU devices run fastest when neighbouring outputs lie together in memory. See
 * {@link SegmentedTemplates} for how blocks share the work.
 */
final class SegmentedReductionSource {
    private SegmentedReductionSource() {
    }

    static CSource generate(ReductionSpec spec, GpuDialect d) {
        String entry = KernelLayout.entryName(spec.name(), "segmented reduction", spec.outputType().name(),
                spec.neutral(), spec.reduceExpression(), spec.mapExpression(), spec.arguments().declaration(),
                spec.preamble(), spec.indexSpace().toString(), Integer.toString(spec.outerDims()));
        IndexSpace space = spec.indexSpace();
        String index = d.indexType();
        String params = d.parameters(spec.arguments());
        StringBuilder userParams = new StringBuilder();
        StringBuilder userArgs = new StringBuilder();
        for (Argument a : spec.arguments().arguments()) {
            userParams.append(", ").append(d.parameter(a));
            userArgs.append(", ").append(a.name());
        }
        StringBuilder atParams = new StringBuilder();
        StringBuilder atArgs = new StringBuilder();
        StringBuilder baseParams = new StringBuilder();
        StringBuilder baseArgs = new StringBuilder();
        for (String a : space.arrays()) {
            atParams.append(", ").append(index).append(' ').append(IndexSpace.at(a));
            atArgs.append(", ").append(IndexSpace.at(a));
            baseParams.append(", ").append(index).append(' ').append(base(a));
            baseArgs.append(", ").append(base(a));
        }
        Strip strip = Strip.of(space, spec.outerDims());
        String outerBase = outerBase(space, spec.outerDims(), index);
        String body = Template.fill(SegmentedTemplates.of(d.dialect()), Map.ofEntries(
                Map.entry("NAME", entry),
                Map.entry("T", spec.outputType().nameIn(d.dialect())),
                Map.entry("PARAMS_PREFIX", params.isEmpty() ? "" : params + ", "),
                Map.entry("ALIASES", d.aliases(spec.arguments())),
                Map.entry("MAP_PARAMS", atParams + userParams.toString()),
                Map.entry("MAP_ARGS", atArgs + userArgs.toString()),
                Map.entry("ELEMENT_PARAMS", baseParams + userParams.toString()),
                Map.entry("ELEMENT_ARGS", baseArgs + userArgs.toString()),
                Map.entry("NEUTRAL", spec.neutral()),
                Map.entry("REDUCE", spec.reduceExpression()),
                Map.entry("MAP", spec.mapExpression()),
                Map.entry("OUTER_BASE", indent(outerBase, 3)),
                Map.entry("OUTPUT_BASE", indent(outerBase, 4)),
                Map.entry("INNER_AT", indent(innerAt(space, spec.outerDims(), index), 1)),
                Map.entry("STRIP_ELEMENT_ARGS", strip.elementArgs() + userArgs),
                Map.entry("STRIP_WITHIN", strip.within()),
                Map.entry("STRIP_UNIT", strip.unit()),
                Map.entry("STRIP_UNROLL", strip.unroll()),
                Map.entry("STRIP_WIDTH", Integer.toString(KernelLayout.COLUMN_STRIP))));
        List<String> kernels = d.dialect() == Dialect.OPENCL
                ? List.of(KernelLayout.segments(entry), KernelLayout.segmentPartials(entry),
                        KernelLayout.segmentColumns(entry))
                : List.of(KernelLayout.segments(entry), KernelLayout.segmentPartials(entry));
        return new CSource(CSourceGenerator.program(d, spec.name(), spec.preamble(), body), kernels);
    }

    /** The variable holding an array's position of the current output's first inner position. */
    static String base(String array) {
        return "jga_base_" + array;
    }

    /** Sets {@code jga_base_x} of every array from the output index {@code jga_o} over dimensions {@code [0, outer)}. */
    static String outerBase(IndexSpace space, int outer, String index) {
        StringBuilder code = new StringBuilder();
        for (String a : space.arrays()) {
            code.append(index).append(' ').append(base(a)).append(" = ").append(IndexSpace.offset(a)).append(";\n");
        }
        code.append("{\n").append(indent(decompose(space, 0, outer, "jga_o", index, SegmentedReductionSource::base), 1))
                .append("\n}\n");
        return code.toString();
    }

    /** Declares {@code jga_at_x} of every array at inner position {@code jga_j}, over dimensions {@code [outer, ndim)}. */
    static String innerAt(IndexSpace space, int outer, String index) {
        StringBuilder code = new StringBuilder();
        for (String a : space.arrays()) {
            code.append(index).append(' ').append(IndexSpace.at(a)).append(" = ").append(base(a)).append(";\n");
        }
        code.append("{\n").append(indent(decompose(space, outer, space.ndim(), "jga_j", index, IndexSpace::at), 1))
                .append("\n}\n");
        return code.toString();
    }

    /**
     * Statements that add to {@code target(x)} of every array the position of flat index {@code flat} over
     * dimensions {@code [from, to)} of the space (C order, the last fastest): coordinates by division, innermost
     * first, times the array's strides.
     */
    private static String decompose(IndexSpace space, int from, int to, String flat, String index,
                                    java.util.function.Function<String, String> target) {
        StringBuilder code = new StringBuilder();
        code.append(index).append(" jga_rest = ").append(flat).append(";\n");
        for (int d = to - 1; d > from; d--) {
            code.append("{\n    ").append(index).append(" jga_c = jga_rest % ").append(IndexSpace.shape(d))
                    .append(";\n    jga_rest /= ").append(IndexSpace.shape(d)).append(";\n");
            for (String a : space.arrays()) {
                code.append("    ").append(target.apply(a)).append(" += jga_c * ").append(IndexSpace.stride(a, d))
                        .append(";\n");
            }
            code.append("}\n");
        }
        for (String a : space.arrays()) {
            code.append(target.apply(a)).append(" += jga_rest * ").append(IndexSpace.stride(a, from)).append(";\n");
        }
        return code.toString().strip();
    }

    private static String indent(String code, int levels) {
        String pad = "    ".repeat(levels);
        return pad + code.strip().replace("\n", "\n" + pad);
    }
}
