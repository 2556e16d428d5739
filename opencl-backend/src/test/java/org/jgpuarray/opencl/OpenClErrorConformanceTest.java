package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ErrorConformance;
import org.junit.jupiter.api.Tag;

/** The error conformance suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClErrorConformanceTest extends ErrorConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
