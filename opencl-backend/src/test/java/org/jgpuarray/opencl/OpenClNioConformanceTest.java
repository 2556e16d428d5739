package org.jgpuarray.opencl;

import org.jgpuarray.conformance.NioConformance;
import org.junit.jupiter.api.Tag;

/** The java.nio buffer suite on OpenCL: direct buffers go to clEnqueueRead/WriteBuffer by address. */
@Tag("opencl")
class OpenClNioConformanceTest extends NioConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
