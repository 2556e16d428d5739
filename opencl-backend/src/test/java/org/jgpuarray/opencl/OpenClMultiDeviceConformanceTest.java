package org.jgpuarray.opencl;

import org.jgpuarray.conformance.MultiDeviceConformance;
import org.junit.jupiter.api.Tag;

/**
 * The several-device suite on OpenCL. The build runs it in a surefire execution of its own whose PoCL
 * exposes two CPU devices ({@code POCL_DEVICES="pthread pthread"}); the other OpenCL tests see one.
 */
@Tag("opencl")
class OpenClMultiDeviceConformanceTest extends MultiDeviceConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
