package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ElementwiseKernelConformance;
import org.junit.jupiter.api.Tag;

/** The elementwise-kernel conformance suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClElementwiseKernelConformanceTest extends ElementwiseKernelConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
