package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ViewConformance;
import org.junit.jupiter.api.Tag;

/** The view conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaViewConformanceTest extends ViewConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
