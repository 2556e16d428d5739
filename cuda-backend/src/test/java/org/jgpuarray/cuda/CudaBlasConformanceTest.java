package org.jgpuarray.cuda;

import org.jgpuarray.conformance.BlasConformance;

/** The BLAS conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaBlasConformanceTest extends BlasConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
