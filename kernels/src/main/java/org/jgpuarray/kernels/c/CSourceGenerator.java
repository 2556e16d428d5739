package org.jgpuarray.kernels.c;

import java.util.List;
import java.util.Map;
import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScanSpec;

/**
 * Generates CUDA C++ and OpenCL C programs from kernel specifications. Pure functions of
 * (spec, dialect); the result is ready for NVRTC, nvcc or {@code clBuildProgram}.
 *
 * <p>Launch conventions (see {@link KernelLayout}):
 * <ul>
 *   <li>elementwise: parameters as declared, then {@code n}; grid-stride loop with 64-bit indices,
 *       any grid and block size (OpenCL, and index spaces of two or more dimensions, run without the loop
 *       when the launch has exactly one thread per element).</li>
 *   <li>reduction: {@code <name>_stage1(args..., T *partials, n)} with blocks of {@code JGA_BLOCK}
 *       threads writes one partial per block; {@code <name>_stage2(partials, out, count)} with one
 *       block reduces them into {@code out[0]}. OpenCL programs also have
 *       {@code <name>_chunks(args..., T *partials, n, chunk)}, a first stage for CPU devices in which
 *       work-item g reduces the {@code chunk} elements from {@code g * chunk} on into {@code partials[g]}
 *       (any number of blocks; the second stage is the same). A segmented reduction (one result per outer
 *       position of an index space) has a program of its own, described by {@code SegmentedReductionSource}.</li>
 *   <li>scan: {@code <name>_tiles(in, out, tileTotals, n, inclusive)}, one block per tile of
 *       {@code JGA_BLOCK * JGA_ITEMS} elements; when there is more than one tile, the totals are
 *       scanned (inclusively, recursively, in place) and {@code <name>_add_offsets(out, totals, n)}
 *       with one block per tile after the first completes the scan. The input may be rows (segments) of
 *       {@code n} elements, each scanned alone: the blocks then cover every row's tiles in turn, and
 *       {@code <name>_rows(in, out, segments, n, inclusive)} scans short rows with one thread each.</li>
 * </ul>
 */
public final class CSourceGenerator {
    private CSourceGenerator() {
    }

    /**
     * The program of an elementwise kernel.
     *
     * @param spec    not modified
     * @param dialect CUDA or OPENCL
     * @return one kernel, named by {@link KernelLayout#entryName}
     */
    public static CSource elementwise(ElementwiseSpec spec, Dialect dialect) {
        GpuDialect d = of(dialect);
        String params = d.parameters(spec.arguments());
        String entry = KernelLayout.entryName(spec.name(), "elementwise", spec.arguments().declaration(),
                spec.operation(), spec.preamble(), spec.loopPrep(), spec.afterLoop(), spec.indexSpace().toString());
        IndexSpace space = spec.indexSpace();
        boolean rows = space.ndim() >= 2;
        String template = rows ? d.stridedElementwiseTemplate()
                : SnippetLabels.defines(spec.operation()) ? d.labelledElementwiseTemplate() : d.elementwiseTemplate();
        String flat = rows ? "" : positions(space, d.indexType()) + terminable(spec.operation());
        String body = Template.fill(template, Map.of(
                "NAME", entry,
                "PARAMS", (params.isEmpty() ? "" : params + ", ") + d.indexType() + " n",
                "ALIASES", d.aliases(spec.arguments()),
                "LOOP_PREP", indent(spec.loopPrep(), 1),
                rows ? "LOOP" : "OPERATION", rows ? new StridedLoop(space, d).code(spec.operation()) : indent(flat, 2),
                "NESTED_OPERATION", indent(flat, 3),
                "AFTER_LOOP", indent(spec.afterLoop(), 1)));
        return new CSource(program(d, spec.name(), spec.preamble(), body), List.of(entry));
    }

    /**
     * The two-stage program of a map-reduce kernel, or the program of a segmented one (see
     * {@code SegmentedReductionSource}).
     *
     * @param spec    not modified
     * @param dialect CUDA or OPENCL
     * @return kernels {@code <entry>_stage1} and {@code <entry>_stage2} (in OpenCL then {@code <entry>_chunks}),
     *         or for a segmented reduction
     *         {@code <entry>_segments} and {@code <entry>_partials}
     */
    public static CSource reduction(ReductionSpec spec, Dialect dialect) {
        GpuDialect d = of(dialect);
        if (spec.segmented()) {
            return SegmentedReductionSource.generate(spec, d);
        }
        String entry = KernelLayout.entryName(spec.name(), "reduction", spec.outputType().name(), spec.neutral(),
                spec.reduceExpression(), spec.mapExpression(), spec.arguments().declaration(), spec.preamble());
        String params = d.parameters(spec.arguments());
        StringBuilder mapParams = new StringBuilder();
        StringBuilder mapArgs = new StringBuilder();
        for (Argument a : spec.arguments().arguments()) {
            mapParams.append(", ").append(d.parameter(a));
            mapArgs.append(", ").append(a.name());
        }
        String body = Template.fill(d.reductionTemplate(), Map.of(
                "NAME", entry,
                "T", spec.outputType().nameIn(dialect),
                "PARAMS_PREFIX", params.isEmpty() ? "" : params + ", ",
                "ALIASES", d.aliases(spec.arguments()),
                "MAP_PARAMS", mapParams.toString(),
                "MAP_ARGS", mapArgs.toString(),
                "NEUTRAL", spec.neutral(),
                "REDUCE", spec.reduceExpression(),
                "MAP", spec.mapExpression()));
        List<String> kernels = dialect == Dialect.OPENCL
                ? List.of(KernelLayout.reductionStage1(entry), KernelLayout.reductionStage2(entry),
                        KernelLayout.reductionChunks(entry))
                : List.of(KernelLayout.reductionStage1(entry), KernelLayout.reductionStage2(entry));
        return new CSource(program(d, spec.name(), spec.preamble(), body), kernels);
    }

    /**
     * The tiled program of a scan.
     *
     * @param spec    not modified
     * @param dialect CUDA or OPENCL
     * @return kernels {@code <entry>_tiles}, {@code <entry>_add_offsets} and {@code <entry>_rows}
     */
    public static CSource scan(ScanSpec spec, Dialect dialect) {
        GpuDialect d = of(dialect);
        String entry = KernelLayout.entryName(spec.name(), "scan", spec.type().name(), spec.scanExpression(),
                spec.neutral(), Boolean.toString(spec.inclusive()), spec.preamble());
        String body = Template.fill(d.scanTemplate(), Map.of(
                "NAME", entry,
                "T", spec.type().nameIn(dialect),
                "NEUTRAL", spec.neutral(),
                "SCAN", spec.scanExpression()));
        return new CSource(program(d, spec.name(), spec.preamble(), body),
                List.of(KernelLayout.scanTiles(entry), KernelLayout.scanAddOffsets(entry), KernelLayout.scanRows(entry)));
    }

    /** The compatibility prelude of a dialect, for raw programs that want the same vocabulary. */
    public static String prelude(Dialect dialect) {
        return of(dialect).prelude();
    }

    static String program(GpuDialect d, String userName, String preamble, String body) {
        StringBuilder out = new StringBuilder(d.prelude());
        if (!preamble.isBlank()) {
            out.append("\n// user preamble\n").append(d.preamble(preamble).strip()).append('\n');
        }
        return out.append("\n// jgpuarray kernel '").append(userName).append("'\n").append(body).toString();
    }

    private static GpuDialect of(Dialect dialect) {
        return switch (dialect) {
            case CUDA -> CudaDialect.INSTANCE;
            case OPENCL -> OpenClDialect.INSTANCE;
            case JAVA -> throw new IllegalArgumentException(
                    "CSourceGenerator writes CUDA and OpenCL; Java sources come from JavaSourceGenerator");
        };
    }

    /** The statements that set {@code jga_at_x} for each array of a one-dimensional index space; none without one. */
    static String positions(IndexSpace space, String indexType) {
        return space.present() ? new ElementPositions(space, indexType).walk("i", false, "") : "";
    }

    /**
     * {@code operation} ready for the template's {@code ;}: when its last line holds a line comment, the
     * statement ends on a line of its own (the template's {@code ;} then adds an empty statement).
     */
    private static String terminable(String operation) {
        return endsInLineComment(operation) ? operation.strip() + "\n;" : operation;
    }

    /** True when the operation's last line holds a line comment, which would swallow a semicolon put after it. */
    static boolean endsInLineComment(String operation) {
        String op = operation.strip();
        return op.indexOf("//", op.lastIndexOf('\n') + 1) >= 0;
    }

    static String indent(String code, int levels) {
        if (code.isBlank()) {
            return "";
        }
        String pad = "    ".repeat(levels);
        return pad + code.strip().replace("\n", "\n" + pad);
    }
}
