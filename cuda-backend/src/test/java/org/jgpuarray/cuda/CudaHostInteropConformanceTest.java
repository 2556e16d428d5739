package org.jgpuarray.cuda;

import org.jgpuarray.conformance.HostInteropConformance;
import org.junit.jupiter.api.Tag;

/** The printing and host interop suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaHostInteropConformanceTest extends HostInteropConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
