package org.jgpuarray.samples.bench;

/** A peer library's version of a problem (ND4J): inputs converted once, then {@link #compute()} timed. */
public interface PeerRun extends AutoCloseable {
    /** Computes the result from the converted inputs. */
    void compute();

    /** The last result, copied to a Java array. */
    float[] result();

    /** Frees the peer's arrays. */
    @Override
    void close();
}
