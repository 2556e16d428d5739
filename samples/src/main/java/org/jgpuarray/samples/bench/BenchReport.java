package org.jgpuarray.samples.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured.
 *
 * @param machine   facts about the machine and software (CPU, cores, Java, ND4J), in report order
 * @param config    the configuration, as strings, in report order
 * @param rooflines measured memory-copy bandwidth in GB/s by name ({@code host memory (all cores)},
 *                  {@code cuda device memory}, ...)
 * @param results   one per workload, size and device
 * @param skipped   cases that did not run, with reasons
 */
public record BenchReport(Map<String, Object> machine, Map<String, Object> config, Map<String, Double> rooflines,
                          List<BenchResult> results, List<Skip> skipped) {
    /** Copies the lists; the maps are kept as given. */
    public BenchReport {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
    }

    /** The results whose check failed. */
    public List<BenchResult> wrongResults() {
        return results.stream().filter(BenchResult::wrong).toList();
    }
}
