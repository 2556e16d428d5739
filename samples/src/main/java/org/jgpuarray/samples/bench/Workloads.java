package org.jgpuarray.samples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The named workloads of {@code jgpuarray bench}. */
public final class Workloads {
    /** The workloads a bench runs when none is named. */
    public static final List<String> DEFAULT = List.of("elementwise", "reduce", "dot", "gemm");

    private Workloads() {
    }

    /**
     * Every workload by name, in report order.
     *
     * @param maxGemmSize the largest GEMM size to run (elements per matrix)
     */
    public static Map<String, Workload> all(long maxGemmSize) {
        Map<String, Workload> all = new LinkedHashMap<>();
        for (Workload w : List.of(new ElementwiseWorkload(), ReductionWorkload.sum(), ReductionWorkload.dot(),
                new GemmWorkload(maxGemmSize),
                new PendingWorkload("fft", "complex-to-complex 1-D FFT, complex64", Metric.GFLOP_PER_S,
                        "not yet available: the FFT library (issue 5) has not landed"),
                new PendingWorkload("rng", "uniform float32 random numbers (Philox4x32-10)", Metric.GB_PER_S,
                        "not yet available: the random-number library (issue 5) has not landed"))) {
            all.put(w.name(), w);
        }
        return all;
    }

    /**
     * The workloads of those names, in the order given.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static List<Workload> select(List<String> names, long maxGemmSize) {
        Map<String, Workload> all = all(maxGemmSize);
        List<Workload> chosen = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            Workload w = all.get(name);
            if (w == null) {
                throw new IllegalArgumentException("unknown workload '" + raw + "'; known: "
                        + String.join(", ", all.keySet()));
            }
            if (!chosen.contains(w)) {
                chosen.add(w);
            }
        }
        return chosen;
    }
}
