package org.jgpuarray.opencl;

import org.jgpuarray.conformance.MathConformance;
import org.junit.jupiter.api.Tag;

/** The math conformance suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClMathConformanceTest extends MathConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
