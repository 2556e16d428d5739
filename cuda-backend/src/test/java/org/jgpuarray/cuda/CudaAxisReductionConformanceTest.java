package org.jgpuarray.cuda;

import org.jgpuarray.conformance.AxisReductionConformance;
import org.junit.jupiter.api.Tag;

/** The reductions along axes on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaAxisReductionConformanceTest extends AxisReductionConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
