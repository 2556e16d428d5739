package org.jgpuarray.cuda;

import org.jgpuarray.conformance.MultiDeviceConformance;
import org.junit.jupiter.api.Tag;

/** The several-device conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaMultiDeviceConformanceTest extends MultiDeviceConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
