package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ArithmeticConformance;

/** The arithmetic conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaArithmeticConformanceTest extends ArithmeticConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
