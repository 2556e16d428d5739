package org.jgpuarray.cuda;

import org.jgpuarray.conformance.RandomConformance;
import org.junit.jupiter.api.Tag;

/** The random-number conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaRandomConformanceTest extends RandomConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
