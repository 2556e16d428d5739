package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.GpuContext;
import org.jgpuarray.fuzz.SnippetFuzz;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer of the snippet language on OpenCL: generated snippets (elementwise kernels in
 * batches, and reductions) must give the CPU backend's results. {@value SnippetFuzz#DEFAULT_COUNT}
 * snippets by default; {@code -Pfuzz} (or {@code -Djgpuarray.fuzz.count=N -Djgpuarray.fuzz.seed=S}) runs
 * more.
 */
@Tag("opencl")
class SnippetFuzzTest {
    @Test
    void cpuAndOpenClAgreeOnGeneratedSnippets() {
        OpenClTestDevices.assumeOpenCl();
        long seed = SnippetFuzz.seed();
        int count = SnippetFuzz.count();
        try (GpuContext cpu = GpuContext.create("cpu"); GpuContext cl = GpuContext.create("opencl")) {
            SnippetFuzz.Result r = SnippetFuzz.differential(cpu, cl, seed, count, System.out::println);
            System.out.println("snippet fuzzer, seed " + seed + ": " + r.summary());
            assertTrue(r.clean(), () -> r.summary() + "\n\n" + String.join("\n", r.findings().subList(0,
                    Math.min(3, r.findings().size()))));
        }
    }
}
