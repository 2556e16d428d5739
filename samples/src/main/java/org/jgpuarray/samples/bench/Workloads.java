package org.jgpuarray.samples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The named workloads of {@code jgpuarray bench} and their default size limits. */
public final class Workloads {
    /** The workloads a bench runs when none is named: all of them. */
    public static final List<String> DEFAULT = List.of("elementwise", "reduce", "dot", "gemm", "fft", "rng", "bmm",
            "bmm-loop", "imatmul");

    /**
     * The default limits of {@code --max-size}: GEMM and the int32 matmul up to 1024 x 1024, batched matmuls
     * up to 64 matrices of 128 x 128, FFT up to 2^22 points, so that the default run stays within a few minutes on a
     * 2-core machine with the CPU and PoCL backends.
     */
    public static final String MAX_SIZE_DEFAULTS = "gemm=2^20,fft=2^22,bmm=2^20,bmm-loop=2^20,imatmul=2^20";

    /**
     * The default limits of {@code --max-java-size}: the single-threaded triple loop and radix-2 FFT stop
     * where one run takes about a second.
     */
    public static final String MAX_JAVA_SIZE_DEFAULTS = "gemm=2^20,fft=2^22";

    /** {@link #MAX_SIZE_DEFAULTS} as limits of {@code --max-size}. */
    public static final SizeCaps DEFAULT_MAX_SIZE = SizeCaps.parse(new SizeCaps("--max-size", Map.of()),
            MAX_SIZE_DEFAULTS, DEFAULT);

    /** {@link #MAX_JAVA_SIZE_DEFAULTS} as limits of {@code --max-java-size}. */
    public static final SizeCaps DEFAULT_MAX_JAVA_SIZE = SizeCaps.parse(new SizeCaps("--max-java-size", Map.of()),
            MAX_JAVA_SIZE_DEFAULTS, DEFAULT);

    private Workloads() {
    }

    /** Every workload by name, in report order. */
    public static Map<String, Workload> all() {
        Map<String, Workload> all = new LinkedHashMap<>();
        for (Workload w : List.of(new ElementwiseWorkload(), ReductionWorkload.sum(), ReductionWorkload.dot(),
                new GemmWorkload(), new FftWorkload(), new RngWorkload(), new BatchedMatmulWorkload(false),
                new BatchedMatmulWorkload(true), new IntMatmulWorkload())) {
            all.put(w.name(), w);
        }
        for (Workload w : AxisReductionWorkload.all()) {
            all.put(w.name(), w);
        }
        return all;
    }

    /**
     * The workloads of those names, in the order given.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static List<Workload> select(List<String> names) {
        Map<String, Workload> all = all();
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
