package org.jgpuarray.opencl;

import org.jgpuarray.conformance.SelectionConformance;
import org.junit.jupiter.api.Tag;

/** The selection conformance suite (where, if_positive, clip) on OpenCL. */
@Tag("opencl")
class OpenClSelectionConformanceTest extends SelectionConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
