package org.jgpuarray.cuda;

import org.jgpuarray.conformance.FftConformance;

/** The FFT conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaFftConformanceTest extends FftConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
