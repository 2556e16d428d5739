package org.jgpuarray.samples.bench;

/**
 * One problem on one device, split into the steps the harness times: {@link #upload()} the inputs,
 * {@link #compute()} (timed with the device's timer), {@link #download()} the result, then
 * {@link #release()} the arrays of that repetition.
 */
public interface DeviceRun extends AutoCloseable {
    /** What computes the result, e.g. {@code ElementwiseKernel} or {@code ctx.blas().implementation()}. */
    String implementation();

    /** Copies the inputs to the device and allocates the output. */
    void upload();

    /** Launches the work on the uploaded inputs; may return before the device finishes. */
    void compute();

    /** Copies the result to the host (waiting for the device). */
    float[] download();

    /** Frees the arrays of the current repetition. */
    void release();

    /** Frees everything, compiled kernels included. */
    @Override
    void close();
}
