package org.jgpuarray.opencl.lib;

import org.jgpuarray.conformance.BlasConformance;
import org.junit.jupiter.api.Tag;

/** The BLAS conformance suite on the first OpenCL device (PoCL in CI): jgpuarray's portable kernels. */
@Tag("opencl")
class OpenClBlasConformanceTest extends BlasConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
