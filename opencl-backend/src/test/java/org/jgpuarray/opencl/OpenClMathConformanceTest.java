package org.jgpuarray.opencl;

import org.jgpuarray.conformance.MathConformance;

/** The math conformance suite on the first OpenCL device (PoCL in CI). */
class OpenClMathConformanceTest extends MathConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
