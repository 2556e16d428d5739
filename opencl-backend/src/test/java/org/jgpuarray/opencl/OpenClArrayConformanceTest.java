package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ArrayConformance;
import org.junit.jupiter.api.Tag;

/** The array conformance suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClArrayConformanceTest extends ArrayConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
