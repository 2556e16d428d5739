package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ScanConformance;
import org.junit.jupiter.api.Tag;

/** The scan conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaScanConformanceTest extends ScanConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
