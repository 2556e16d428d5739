package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ViewConformance;
import org.junit.jupiter.api.Tag;

/** The view conformance suite on OpenCL. */
@Tag("opencl")
class OpenClViewConformanceTest extends ViewConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
