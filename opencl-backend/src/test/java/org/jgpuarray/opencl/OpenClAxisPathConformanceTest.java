package org.jgpuarray.opencl;

import org.jgpuarray.conformance.AxisPathConformance;
import org.junit.jupiter.api.Tag;

/** Reductions over the first and last axis of matrices on OpenCL (on PoCL, the CPU-device shapes included). */
@Tag("opencl")
class OpenClAxisPathConformanceTest extends AxisPathConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
