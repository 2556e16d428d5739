package org.jgpuarray.samples.bench;

import java.util.List;
import java.util.Objects;

/**
 * What a bench run measures.
 *
 * @param workloads   the workloads, in report order
 * @param sizes       the sizes, ascending
 * @param maxSize     per-workload size limits: larger sizes of that workload are skipped
 * @param maxJavaSize per-workload limits of the plain Java loop: larger sizes run without it
 * @param repeat      timed runs per case, at least 1
 * @param warmup      untimed runs before them, at least 0
 * @param warmupMillis keep warming up until this much time has passed (JIT compilation of the CPU paths)
 * @param seed        seed of the random inputs
 * @param nd4j        whether to measure the ND4J peer
 */
public record BenchConfig(List<Workload> workloads, List<Long> sizes, SizeCaps maxSize, SizeCaps maxJavaSize,
                          int repeat, int warmup, long warmupMillis, long seed, boolean nd4j) {
    /**
     * Validates and copies the lists.
     *
     * @throws IllegalArgumentException for no workload or size, repeat below 1 or negative warm-up
     */
    public BenchConfig {
        workloads = List.copyOf(workloads);
        sizes = List.copyOf(sizes);
        Objects.requireNonNull(maxSize, "maxSize");
        Objects.requireNonNull(maxJavaSize, "maxJavaSize");
        if (workloads.isEmpty() || sizes.isEmpty()) {
            throw new IllegalArgumentException("a bench needs at least one workload and one size");
        }
        if (repeat < 1 || warmup < 0 || warmupMillis < 0) {
            throw new IllegalArgumentException("--repeat must be >= 1, --warmup and --warmup-time >= 0; got "
                    + repeat + ", " + warmup + " and " + warmupMillis);
        }
    }
}
