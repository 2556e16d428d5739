package org.jgpuarray.cuda;

import org.jgpuarray.conformance.LayoutConformance;
import org.junit.jupiter.api.Tag;

/** The layout conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaLayoutConformanceTest extends LayoutConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
