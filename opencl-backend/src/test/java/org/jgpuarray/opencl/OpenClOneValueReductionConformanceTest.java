package org.jgpuarray.opencl;

import org.jgpuarray.conformance.OneValueReductionConformance;
import org.junit.jupiter.api.Tag;

/** Whole-array reductions on OpenCL (on PoCL, the chunks shape of CPU devices) around the edges of its split. */
@Tag("opencl")
class OpenClOneValueReductionConformanceTest extends OneValueReductionConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
