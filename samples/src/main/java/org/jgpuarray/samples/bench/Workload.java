package org.jgpuarray.samples.bench;

import java.util.Optional;

/**
 * A named benchmark problem family ({@code elementwise}, {@code reduce}, ...): knows its work at a size
 * and makes the host data for one size. Implementations are immutable.
 */
public interface Workload {
    /** The name used on the command line. */
    String name();

    /** One line saying what is computed, e.g. {@code c = a*x + b*y (float32)}. */
    String description();

    /** What throughput counts for this workload. */
    Metric metric();

    /** Bytes moved or floating-point operations at {@code size}. */
    double work(long size);

    /** What a size counts, for chart axes: {@code elements per array} unless the workload says otherwise. */
    default String sizeUnit() {
        return "elements per array";
    }

    /** How a size reads in reports, e.g. {@code 2^24} or {@code 512x512x512}. */
    default String sizeLabel(long size) {
        return SizeList.format(size);
    }

    /**
     * Why this workload cannot run at {@code size} (over its size cap, ...), or empty when it can.
     */
    default Optional<String> skipReason(long size) {
        return Optional.empty();
    }

    /**
     * Why the plain single-threaded Java loop is not timed at {@code size} (it would take too long for the
     * default run, or it exists only for some sizes), or empty when it is. The device results are still
     * checked against the float64 reference.
     */
    default Optional<String> javaSkipReason(long size) {
        return Optional.empty();
    }

    /**
     * Whether the workload also has an all-core Java version ({@link Problem#runParallelJava()}), timed in the
     * same run as a second host reference wherever the plain Java loop is timed. False unless overridden.
     */
    default boolean hasParallelJava() {
        return false;
    }

    /** Why ND4J has no peer of this workload, or empty when it has one. */
    default Optional<String> nd4jSkipReason() {
        return Optional.empty();
    }

    /**
     * Makes the inputs (seeded random numbers) and the float64 reference for one size.
     *
     * @throws UnsupportedOperationException when {@link #skipReason(long)} is not empty
     */
    Problem prepare(long size, long seed);
}
