package org.jgpuarray.opencl;

import org.jgpuarray.conformance.AxisScanConformance;
import org.junit.jupiter.api.Tag;

/** Scans along an axis on OpenCL. */
@Tag("opencl")
class OpenClAxisScanConformanceTest extends AxisScanConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
