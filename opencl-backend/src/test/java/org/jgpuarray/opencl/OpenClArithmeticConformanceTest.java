package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ArithmeticConformance;

/** The arithmetic conformance suite on the first OpenCL device (PoCL in CI). */
class OpenClArithmeticConformanceTest extends ArithmeticConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
