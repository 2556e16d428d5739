package org.jgpuarray.spi;

/** A program compiled from user-written CUDA or OpenCL source. */
public interface RawProgram {
    /**
     * The kernel of that name.
     *
     * @throws IllegalArgumentException when the program has no such kernel
     */
    RawFunction function(String name);

    /** Frees the program. Called once. */
    void release();
}
