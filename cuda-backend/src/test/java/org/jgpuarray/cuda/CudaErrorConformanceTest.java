package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ErrorConformance;

/** The error conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaErrorConformanceTest extends ErrorConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
