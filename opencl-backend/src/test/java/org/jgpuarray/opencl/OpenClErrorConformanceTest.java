package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ErrorConformance;

/** The error conformance suite on the first OpenCL device (PoCL in CI). */
class OpenClErrorConformanceTest extends ErrorConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
