package org.jgpuarray.cuda;

import org.jgpuarray.conformance.MathConformance;

/** The math conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaMathConformanceTest extends MathConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
