package org.jgpuarray.opencl;

import org.jgpuarray.conformance.ScanConformance;

/** The scan conformance suite on the first OpenCL device (PoCL in CI). */
class OpenClScanConformanceTest extends ScanConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
