package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ViewDifferentialConformance;
import org.junit.jupiter.api.Tag;

/** The random view sequences against the host model on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaViewDifferentialConformanceTest extends ViewDifferentialConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
