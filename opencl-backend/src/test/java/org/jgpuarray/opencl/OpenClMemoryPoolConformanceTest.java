package org.jgpuarray.opencl;

import org.jgpuarray.conformance.MemoryPoolConformance;
import org.junit.jupiter.api.Tag;

/** The memory pool suite on OpenCL (skipped, with the reason, where OpenCL cannot start). */
@Tag("opencl")
class OpenClMemoryPoolConformanceTest extends MemoryPoolConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
