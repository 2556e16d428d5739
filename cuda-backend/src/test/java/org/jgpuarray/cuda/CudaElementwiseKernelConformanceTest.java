package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ElementwiseKernelConformance;
import org.junit.jupiter.api.Tag;

/** The ElementwiseKernel conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaElementwiseKernelConformanceTest extends ElementwiseKernelConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
