package org.jgpuarray.opencl;

import org.jgpuarray.conformance.MatmulConformance;
import org.junit.jupiter.api.Tag;

/** The matmul conformance suite on OpenCL: the portable tiled GEMM kernels, float and integer. */
@Tag("opencl")
class OpenClMatmulConformanceTest extends MatmulConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
