package org.jgpuarray.samples.bench;

/** What a workload's throughput counts: bytes moved (memory-bound work) or floating-point operations. */
public enum Metric {
    /** Gigabytes per second of the bytes the kernel must read and write. */
    GB_PER_S("GB/s"),
    /** Billions of floating-point operations per second. */
    GFLOP_PER_S("GFLOP/s");

    private final String unit;

    Metric(String unit) {
        this.unit = unit;
    }

    /** The unit as printed, e.g. {@code GB/s}. */
    public String unit() {
        return unit;
    }
}
