package org.jgpuarray.cuda;

import org.jgpuarray.conformance.AxisScanConformance;
import org.junit.jupiter.api.Tag;

/** Scans along an axis on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaAxisScanConformanceTest extends AxisScanConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
