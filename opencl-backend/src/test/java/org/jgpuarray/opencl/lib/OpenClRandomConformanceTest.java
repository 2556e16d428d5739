package org.jgpuarray.opencl.lib;

import org.jgpuarray.conformance.RandomConformance;

/** The random-number conformance suite on the first OpenCL device (PoCL in CI): jgpuarray's portable kernels. */
class OpenClRandomConformanceTest extends RandomConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
