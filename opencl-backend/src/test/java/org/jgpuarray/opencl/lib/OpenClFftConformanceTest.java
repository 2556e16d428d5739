package org.jgpuarray.opencl.lib;

import org.jgpuarray.conformance.FftConformance;
import org.junit.jupiter.api.Tag;

/** The FFT conformance suite on the first OpenCL device (PoCL in CI): jgpuarray's portable kernels. */
@Tag("opencl")
class OpenClFftConformanceTest extends FftConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
