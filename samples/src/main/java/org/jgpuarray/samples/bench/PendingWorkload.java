package org.jgpuarray.samples.bench;

import java.util.Optional;

/**
 * A workload whose library is not available yet ({@code fft}, {@code rng}: issue 5). It is listed and
 * reported as skipped with the reason, so that a requested run says so plainly instead of failing.
 */
public final class PendingWorkload implements Workload {
    private final String name;
    private final String description;
    private final Metric metric;
    private final String reason;

    /**
     * @param name        the command-line name
     * @param description what it will compute
     * @param metric      what its throughput will count
     * @param reason      why it cannot run yet
     */
    public PendingWorkload(String name, String description, Metric metric, String reason) {
        this.name = name;
        this.description = description;
        this.metric = metric;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public double work(long size) {
        return 0;
    }

    @Override
    public Optional<String> skipReason(long size) {
        return Optional.of(reason);
    }

    @Override
    public Problem prepare(long size, long seed) {
        throw new UnsupportedOperationException(name + ": " + reason);
    }
}
