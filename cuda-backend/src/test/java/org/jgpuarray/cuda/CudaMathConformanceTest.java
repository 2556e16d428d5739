package org.jgpuarray.cuda;

import org.jgpuarray.conformance.MathConformance;
import org.junit.jupiter.api.Tag;

/** The math conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaMathConformanceTest extends MathConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
