package org.jgpuarray.cuda;

import org.jgpuarray.conformance.RandomConformance;

/** The random-number conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaRandomConformanceTest extends RandomConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
