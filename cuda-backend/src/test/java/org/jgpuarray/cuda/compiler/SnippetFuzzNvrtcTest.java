package org.jgpuarray.cuda.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.cuda.internal.compiler.JnaNvrtcCompiler;
import org.jgpuarray.fuzz.SnippetFuzz;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The snippet fuzzer's programs (the same seed and count as the OpenCL differential run) compile as CUDA
 * through NVRTC, without a GPU: dialect errors of the CUDA prelude show here (ambiguous overloads, missing
 * constants, host variables).
 */
@Tag("cuda")
class SnippetFuzzNvrtcTest {
    @Test
    void everyFuzzedProgramCompilesForCuda() {
        CompilerCandidate candidate = JnaNvrtcCompiler.locate(List.of());
        if (candidate.compiler() == null) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + candidate.reason());
        }
        assumeTrue(candidate.compiler() != null, candidate::reason);
        CudaCompiler nvrtc = candidate.compiler();
        List<Object> specs = SnippetFuzz.specs(SnippetFuzz.seed(), SnippetFuzz.count());
        Map<String, String> failures = new ConcurrentSkipListMap<>();
        specs.parallelStream().forEach(spec -> {
            CSource source = spec instanceof ElementwiseSpec e ? CSourceGenerator.elementwise(e, Dialect.CUDA)
                    : CSourceGenerator.reduction((ReductionSpec) spec, Dialect.CUDA);
            String name = spec instanceof ElementwiseSpec e ? e.name() : ((ReductionSpec) spec).name();
            try {
                nvrtc.compile(name, source.source(), List.of(), CompileTarget.ptx(CompilerContract.ARCH));
            } catch (RuntimeException ex) {
                failures.put(name, errorLines(ex.getMessage(), source.source()));
            }
        });
        System.out.println("snippet fuzzer, seed " + SnippetFuzz.seed() + ": " + specs.size() + " programs ("
                + SnippetFuzz.count() + " snippets) through " + nvrtc.description() + ", " + failures.size() + " failed");
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + specs.size() + " programs failed:\n"
                + String.join("\n", failures.values().stream().limit(5).toList()));
    }

    /** The log's error lines, each with the source line it points at. */
    private static String errorLines(String log, String source) {
        List<String> lines = source.lines().toList();
        StringBuilder out = new StringBuilder();
        log.lines().filter(l -> l.contains("error")).limit(8).forEach(l -> {
            out.append(l).append('\n');
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+)\\): error").matcher(l);
            if (m.find() && Integer.parseInt(m.group(1)) <= lines.size()) {
                out.append("    ").append(lines.get(Integer.parseInt(m.group(1)) - 1).strip()).append('\n');
            }
        });
        return out.toString();
    }
}
