package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ElementwiseKernelConformance;

/** The elementwise-kernel conformance suite on the first OpenCL device (PoCL in CI). */
class OpenClElementwiseKernelConformanceTest extends ElementwiseKernelConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
