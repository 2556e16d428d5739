package org.jgpuarray.cuda;

import org.jgpuarray.conformance.FftConformance;
import org.junit.jupiter.api.Tag;

/** The FFT conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaFftConformanceTest extends FftConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
