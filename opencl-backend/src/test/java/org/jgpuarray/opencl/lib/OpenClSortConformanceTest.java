package org.jgpuarray.opencl.lib;

import org.jgpuarray.conformance.SortConformance;
import org.junit.jupiter.api.Tag;

/** The sorting conformance suite on OpenCL: the portable radix sort. */
@Tag("opencl")
class OpenClSortConformanceTest extends SortConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
