package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ViewDifferentialConformance;
import org.junit.jupiter.api.Tag;

/** The random view sequences against the host model on OpenCL. */
@Tag("opencl")
class OpenClViewDifferentialConformanceTest extends ViewDifferentialConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
