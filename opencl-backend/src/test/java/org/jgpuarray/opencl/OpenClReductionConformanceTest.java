package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ReductionConformance;
import org.junit.jupiter.api.Tag;

/** The reduction conformance suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClReductionConformanceTest extends ReductionConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
