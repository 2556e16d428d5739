package org.jgpuarray.opencl.lib;

import org.jgpuarray.conformance.RandomConformance;
import org.junit.jupiter.api.Tag;

/** The random-number conformance suite on the first OpenCL device (PoCL in CI): jgpuarray's portable kernels. */
@Tag("opencl")
class OpenClRandomConformanceTest extends RandomConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
