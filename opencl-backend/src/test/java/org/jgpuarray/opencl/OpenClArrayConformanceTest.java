package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ArrayConformance;

/** The array conformance suite on the first OpenCL device (PoCL in CI). */
class OpenClArrayConformanceTest extends ArrayConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
