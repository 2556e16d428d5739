package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ConcurrencyConformance;
import org.junit.jupiter.api.Tag;

/** The concurrency suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClConcurrencyConformanceTest extends ConcurrencyConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
