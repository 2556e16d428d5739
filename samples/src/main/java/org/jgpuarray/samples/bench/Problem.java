package org.jgpuarray.samples.bench;

import org.jgpuarray.GpuContext;

/**
 * One workload at one size: host inputs, the three ways to compute it (plain Java loop, a jgpuarray
 * device, ND4J) and the check of a result against a float64 host reference. Not thread-safe.
 */
public interface Problem {
    /**
     * The plain single-threaded Java loop, the reference time. Returns its result. Called only when
     * {@link Workload#javaSkipReason(long)} is empty.
     */
    float[] runJava();

    /**
     * The all-core Java version, a second host reference (e.g. {@code Arrays.parallelSort} beside the
     * single-threaded {@code Arrays.sort}). Returns its result. Called only when
     * {@link Workload#hasParallelJava()} is true and the plain Java loop is timed.
     *
     * @throws UnsupportedOperationException for a workload without one
     */
    default float[] runParallelJava() {
        throw new UnsupportedOperationException("this workload has no all-core Java version");
    }

    /**
     * The jgpuarray version on one device; compiles what it needs now, so that compilation is not timed.
     *
     * @param context an open context; the caller closes the returned run
     */
    DeviceRun onDevice(GpuContext context);

    /**
     * ND4J's version; call only when ND4J loads ({@link Nd4jPeers#availability()}) and
     * {@link Workload#nd4jSkipReason()} is empty.
     *
     * @throws UnsupportedOperationException for a workload without an ND4J peer
     */
    PeerRun onNd4j();

    /**
     * Compares a result with the float64 reference.
     *
     * @param result a result of any of the three versions; not modified
     */
    Check check(float[] result);
}
