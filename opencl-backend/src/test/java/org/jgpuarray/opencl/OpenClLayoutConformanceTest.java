package org.jgpuarray.opencl;

import org.jgpuarray.conformance.LayoutConformance;
import org.junit.jupiter.api.Tag;

/** The layout conformance suite on OpenCL. */
@Tag("opencl")
class OpenClLayoutConformanceTest extends LayoutConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
