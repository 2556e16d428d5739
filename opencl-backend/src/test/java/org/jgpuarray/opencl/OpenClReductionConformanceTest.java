package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ReductionConformance;

/** The reduction conformance suite on the first OpenCL device (PoCL in CI). */
class OpenClReductionConformanceTest extends ReductionConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
