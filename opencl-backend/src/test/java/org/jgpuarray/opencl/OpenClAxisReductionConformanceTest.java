package org.jgpuarray.opencl;

import org.jgpuarray.conformance.AxisReductionConformance;
import org.junit.jupiter.api.Tag;

/** The reductions along axes on OpenCL. */
@Tag("opencl")
class OpenClAxisReductionConformanceTest extends AxisReductionConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
