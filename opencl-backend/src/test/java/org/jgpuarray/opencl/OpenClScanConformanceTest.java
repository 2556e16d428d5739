package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ScanConformance;
import org.junit.jupiter.api.Tag;

/** The scan conformance suite on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClScanConformanceTest extends ScanConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
