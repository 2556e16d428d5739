package org.jgpuarray.cuda;

import org.jgpuarray.conformance.BlasConformance;
import org.junit.jupiter.api.Tag;

/** The BLAS conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaBlasConformanceTest extends BlasConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
