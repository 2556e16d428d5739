package org.jgpuarray.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;

/**
 * What a generated program must declare for the backends to launch it, written out independently of the
 * generator's templates: each entry point with its dialect's kernel qualifier and the parameter list the
 * launch code binds (the spec's arguments in order, then the generator's own buffers and the length).
 */
final class KernelEntryPoints {
    private static final String CUDA_KERNEL = "extern \"C\" __global__ void (?:__launch_bounds__\\(JGA_BLOCK\\) )?";
    private static final String OPENCL_KERNEL =
            "__kernel (?:__attribute__\\(\\(reqd_work_group_size\\(JGA_BLOCK, 1, 1\\)\\)\\)\\s+)?void ";

    /**
     * One entry point.
     *
     * @param name       a regular expression of the kernel's name: {@code jga_}, the first 24 characters of the
     *                   spec's name, 12 hex digits, and the stage's suffix
     * @param parameters its parameter list as declared, e.g. {@code __global float *x, long n}
     */
    record EntryPoint(String name, String parameters) {
    }

    /** The generated name of a spec's kernel: the user's name only prefixes it, so any name works. */
    static String generatedName(String specName, String suffix) {
        String prefix = specName.length() > 24 ? specName.substring(0, 24) : specName;
        return "jga_" + Pattern.quote(prefix) + "_[0-9a-f]{12}" + suffix;
    }

    private KernelEntryPoints() {
    }

    /**
     * The entry points of an elementwise or reduction spec in a dialect, in launch order: a segmented reduction's
     * main pass takes the output, the outer and inner counts, the parts and the lanes of a block after its
     * arguments; its second pass the partials, the output, the outer count, the parts and the lanes; in OpenCL a
     * third, the columns pass for CPU devices, the output, the outer and inner counts and the parts. A one-value
     * reduction's first stage takes the partials and the length after its arguments, its second the partials, the
     * output and their count; in OpenCL a third, the chunks stage for CPU devices, the partials, the length and
     * the chunk.
     */
    static List<EntryPoint> of(Object spec, Dialect d) {
        String length = (d == Dialect.CUDA ? "long long" : "long") + " n";
        if (spec instanceof ElementwiseSpec e) {
            return List.of(new EntryPoint(generatedName(e.name(), ""), join(parameters(e.arguments().arguments(), d),
                    length)));
        }
        ReductionSpec r = (ReductionSpec) spec;
        ScalarType t = r.outputType();
        String user = parameters(r.arguments().arguments(), d);
        String in = d == Dialect.CUDA ? "const " + t.nameIn(d) + " *" : "__global const " + t.nameIn(d) + " *";
        if (r.segmented()) {
            String index = d == Dialect.CUDA ? "long long " : "long ";
            String counts = index + "jga_outer, " + index + "jga_inner, " + index + "jga_parts, int jga_lanes";
            List<EntryPoint> passes = new ArrayList<>(List.of(
                    new EntryPoint(generatedName(r.name(), "_segments"), join(user, pointer(t, d) + "jga_out", counts)),
                    new EntryPoint(generatedName(r.name(), "_partials"), join(in + "jga_in", pointer(t, d) + "jga_out",
                            index + "jga_outer, " + index + "jga_parts, int jga_lanes"))));
            if (d == Dialect.OPENCL) {
                passes.add(new EntryPoint(generatedName(r.name(), "_columns"), join(user, pointer(t, d) + "jga_out",
                        "long jga_outer, long jga_inner, long jga_parts")));
            }
            return passes;
        }
        List<EntryPoint> stages = new ArrayList<>(List.of(
                new EntryPoint(generatedName(r.name(), "_stage1"), join(user, pointer(t, d) + "jga_partials", length)),
                new EntryPoint(generatedName(r.name(), "_stage2"), join(in + "jga_in", pointer(t, d) + "jga_out",
                        length))));
        if (d == Dialect.OPENCL) {
            stages.add(new EntryPoint(generatedName(r.name(), "_chunks"), join(user, pointer(t, d) + "jga_partials",
                    "long n, long jga_chunk")));
        }
        return stages;
    }

    /** A pattern that matches the declaration of {@code entry} in dialect {@code d}. */
    static Pattern declaration(EntryPoint entry, Dialect d) {
        return Pattern.compile((d == Dialect.CUDA ? CUDA_KERNEL : OPENCL_KERNEL) + entry.name()
                + "\\(" + Pattern.quote(entry.parameters()) + "\\)\\s*\\{");
    }

    /** How often {@code pattern} occurs in {@code text}. */
    static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The lines of {@code source} that declare a kernel: what was declared instead. */
    static List<String> linesNaming(String source, String name) {
        List<String> lines = new ArrayList<>();
        source.lines().filter(l -> l.contains("__global__ void") || l.contains("__kernel")).forEach(lines::add);
        return lines;
    }

    private static String parameters(List<Argument> arguments, Dialect d) {
        List<String> out = new ArrayList<>();
        for (Argument a : arguments) {
            // OpenCL kernels take bool arrays as bytes (bool is not allowed in their parameters) under a prefixed
            // name, and view them as bool inside
            String name = d == Dialect.OPENCL && a.array() && a.type() == ScalarType.BOOL ? "jga_bytes_" + a.name()
                    : a.name();
            out.add(a.array() ? pointer(a.type(), d) + name : a.type().nameIn(d) + " " + name);
        }
        return String.join(", ", out);
    }

    private static String pointer(ScalarType t, Dialect d) {
        return (d == Dialect.OPENCL ? "__global " : "") + t.nameIn(d) + " *";
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (!p.isEmpty()) {
                present.add(p);
            }
        }
        return String.join(", ", present);
    }
}
