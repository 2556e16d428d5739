package org.jgpuarray.cuda;

import org.jgpuarray.conformance.DeviceGroupConformance;
import org.junit.jupiter.api.Tag;

/** The device-group conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaDeviceGroupConformanceTest extends DeviceGroupConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
