package org.jgpuarray.opencl.lib;

import org.jgpuarray.conformance.BlasConformance;

/** The BLAS conformance suite on the first OpenCL device (PoCL in CI): jgpuarray's portable kernels. */
class OpenClBlasConformanceTest extends BlasConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
