package org.jgpuarray.samples.bench;

import java.util.List;

/**
 * What a bench run measures.
 *
 * @param workloads the workloads, in report order
 * @param sizes     the sizes, ascending
 * @param repeat    timed runs per case, at least 1
 * @param warmup    untimed runs before them, at least 0
 * @param warmupMillis keep warming up until this much time has passed (JIT compilation of the CPU paths)
 * @param seed      seed of the random inputs
 * @param nd4j      whether to measure the ND4J peer
 */
public record BenchConfig(List<Workload> workloads, List<Long> sizes, int repeat, int warmup, long warmupMillis,
                          long seed, boolean nd4j) {
    /**
     * Validates and copies the lists.
     *
     * @throws IllegalArgumentException for no workload or size, repeat below 1 or negative warm-up
     */
    public BenchConfig {
        workloads = List.copyOf(workloads);
        sizes = List.copyOf(sizes);
        if (workloads.isEmpty() || sizes.isEmpty()) {
            throw new IllegalArgumentException("a bench needs at least one workload and one size");
        }
        if (repeat < 1 || warmup < 0 || warmupMillis < 0) {
            throw new IllegalArgumentException("--repeat must be >= 1, --warmup and --warmup-time >= 0; got "
                    + repeat + ", " + warmup + " and " + warmupMillis);
        }
    }
}
