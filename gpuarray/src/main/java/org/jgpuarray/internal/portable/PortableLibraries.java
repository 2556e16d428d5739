package org.jgpuarray.internal.portable;

import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.RandomProvider;

/**
 * jgpuarray's own BLAS, Philox and FFT kernels (from {@code org.jgpuarray.kernels.lib}), compiled for
 * the device's dialect (CUDA C++ or OpenCL C) through {@link BackendDevice#compileProgram} and launched
 * through raw functions: the implementation wherever a backend offers no library of its own. One per
 * context; closing it frees programs, plans' memory and scratch buffers. Called one library call at a
 * time per context, under the device's lock (see {@code Libraries}), so not itself thread-safe.
 */
public final class PortableLibraries implements AutoCloseable {
    private final KernelRunner runner;
    private PortableBlas blas;
    private PortableRandom random;
    private PortableFft fft;

    /** @param device a CUDA or OpenCL device */
    public PortableLibraries(BackendDevice device) {
        this.runner = new KernelRunner(device);
    }

    /** The portable BLAS. */
    public BlasProvider blas() {
        if (blas == null) {
            blas = new PortableBlas(runner);
        }
        return blas;
    }

    /** The portable Philox4x32-10 generator. */
    public RandomProvider random() {
        if (random == null) {
            random = new PortableRandom(runner);
        }
        return random;
    }

    /** The portable FFT. */
    public FftProvider fft() {
        if (fft == null) {
            fft = new PortableFft(runner);
        }
        return fft;
    }

    @Override
    public void close() {
        runner.close();
    }
}
