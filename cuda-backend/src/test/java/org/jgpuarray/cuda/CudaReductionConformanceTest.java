package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ReductionConformance;

/** The reduction conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaReductionConformanceTest extends ReductionConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
