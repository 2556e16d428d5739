package org.jgpuarray.opencl.lib;

import org.jgpuarray.conformance.FftConformance;

/** The FFT conformance suite on the first OpenCL device (PoCL in CI): jgpuarray's portable kernels. */
class OpenClFftConformanceTest extends FftConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
