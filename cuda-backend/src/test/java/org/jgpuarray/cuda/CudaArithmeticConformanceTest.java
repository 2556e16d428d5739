package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ArithmeticConformance;
import org.junit.jupiter.api.Tag;

/** The arithmetic conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaArithmeticConformanceTest extends ArithmeticConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
