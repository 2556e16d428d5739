package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ReductionConformance;
import org.junit.jupiter.api.Tag;

/** The reduction conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaReductionConformanceTest extends ReductionConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
