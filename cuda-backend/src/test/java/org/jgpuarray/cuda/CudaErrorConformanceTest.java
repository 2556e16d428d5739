package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ErrorConformance;
import org.junit.jupiter.api.Tag;

/** The error conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaErrorConformanceTest extends ErrorConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
