package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ArithmeticConformance;
import org.junit.jupiter.api.Tag;

/** The arithmetic conformance suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClArithmeticConformanceTest extends ArithmeticConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
