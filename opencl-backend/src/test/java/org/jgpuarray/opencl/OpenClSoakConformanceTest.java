package org.jgpuarray.opencl;

import org.jgpuarray.conformance.SoakConformance;
import org.junit.jupiter.api.Tag;

/** The soak suite on the first OpenCL device (PoCL in CI, whose device memory is host memory). */
@Tag("opencl")
class OpenClSoakConformanceTest extends SoakConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
