package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ElementwiseKernelConformance;

/** The ElementwiseKernel conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaElementwiseKernelConformanceTest extends ElementwiseKernelConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
