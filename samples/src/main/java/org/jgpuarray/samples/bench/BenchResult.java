package org.jgpuarray.samples.bench;

/**
 * One workload at one size on one device, with the two references measured in the same run.
 *
 * @param workload       the workload's name
 * @param size           the size as given on the command line
 * @param sizeLabel      how the size reads, e.g. {@code 2^24} or {@code 512x512x512}
 * @param backend        {@code cpu}, {@code opencl} or {@code cuda}
 * @param device         the device's name
 * @param implementation what computed the result on the device
 * @param metric         what {@link #throughput()} counts
 * @param work           bytes or floating-point operations of one run
 * @param deviceTime     device time of the computation alone (device events where the backend has them);
 *                       null when {@code error} is set
 * @param wallTime       wall time of upload, computation and download; null when {@code error} is set
 * @param javaTime       the plain single-threaded Java loop, or null when it was not timed at this size
 * @param parallelJavaTime the all-core Java version ({@link Workload#hasParallelJava()}), or null when there is
 *                       none or it was not timed at this size
 * @param nd4jTime       ND4J, or null when ND4J did not run
 * @param cores          p of the efficiency E = S / p: the cores of a CPU device, 0 for GPUs (n/a)
 * @param check          the device result against the float64 reference
 * @param nd4jCheck      ND4J's result against the reference, or null
 * @param error          why the device could not run this case, or "" when it ran
 */
public record BenchResult(String workload, long size, String sizeLabel, String backend, String device,
                          String implementation, Metric metric, double work, Stats deviceTime, Stats wallTime,
                          Stats javaTime, Stats parallelJavaTime, Stats nd4jTime, int cores, Check check,
                          Check nd4jCheck, String error) {

    /** A result of a workload without an all-core Java version. */
    public BenchResult(String workload, long size, String sizeLabel, String backend, String device,
                       String implementation, Metric metric, double work, Stats deviceTime, Stats wallTime,
                       Stats javaTime, Stats nd4jTime, int cores, Check check, Check nd4jCheck, String error) {
        this(workload, size, sizeLabel, backend, device, implementation, metric, work, deviceTime, wallTime, javaTime,
                null, nd4jTime, cores, check, nd4jCheck, error);
    }

    /** True when the device ran and its result is wrong. */
    public boolean wrong() {
        return error.isEmpty() && !check.ok();
    }

    /** {@code OK}, {@code WRONG} or {@code ERROR}. */
    public String status() {
        return !error.isEmpty() ? "ERROR" : check.verdict();
    }

    /** GB/s or GFLOP/s from the median device time; NaN when the device did not run. */
    public double throughput() {
        return rate(deviceTime);
    }

    /** The same rate for the Java loop; NaN when it was not timed. */
    public double javaThroughput() {
        return rate(javaTime);
    }

    /** The same rate for ND4J; NaN when ND4J did not run. */
    public double nd4jThroughput() {
        return rate(nd4jTime);
    }

    /** S = T_java / T_device (medians); NaN when either is missing. */
    public double speedupJava() {
        return ratio(javaTime, deviceTime);
    }

    /** S = T_parallelJava / T_device (medians), against the all-core Java version; NaN when either is missing. */
    public double speedupParallelJava() {
        return ratio(parallelJavaTime, deviceTime);
    }

    /** S = T_nd4j / T_device (medians); NaN when either is missing. */
    public double speedupNd4j() {
        return ratio(nd4jTime, deviceTime);
    }

    /** E = S_java / p for CPU devices; NaN (n/a) for GPUs. */
    public double efficiency() {
        return cores > 0 ? speedupJava() / cores : Double.NaN;
    }

    private double rate(Stats t) {
        return t == null ? Double.NaN : work / (t.medianMs() * 1e-3) / 1e9;
    }

    private static double ratio(Stats reference, Stats t) {
        return reference == null || t == null ? Double.NaN : reference.medianMs() / t.medianMs();
    }
}
