package org.jgpuarray.opencl;

import org.jgpuarray.conformance.HostInteropConformance;
import org.junit.jupiter.api.Tag;

/** The printing and host interop suite on OpenCL. */
@Tag("opencl")
class OpenClHostInteropConformanceTest extends HostInteropConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
