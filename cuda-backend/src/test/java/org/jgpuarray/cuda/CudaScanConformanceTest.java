package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ScanConformance;

/** The scan conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaScanConformanceTest extends ScanConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
