package org.jgpuarray.opencl;

import org.jgpuarray.conformance.IndexingConformance;
import org.junit.jupiter.api.Tag;

/** The indexing conformance suite (take, put, boolean masks, nonzero) on OpenCL. */
@Tag("opencl")
class OpenClIndexingConformanceTest extends IndexingConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
