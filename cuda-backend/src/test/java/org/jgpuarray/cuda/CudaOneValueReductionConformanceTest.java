package org.jgpuarray.cuda;

import org.jgpuarray.conformance.OneValueReductionConformance;
import org.junit.jupiter.api.Tag;

/** Whole-array reductions on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaOneValueReductionConformanceTest extends OneValueReductionConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
